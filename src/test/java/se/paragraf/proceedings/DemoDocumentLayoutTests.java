package se.paragraf.proceedings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import se.paragraf.documents.PdfFixtures;
import se.paragraf.documents.TaggedPdf;
import se.paragraf.documents.TaggedPdf.Placed;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.meetings.PublicText;
import se.paragraf.people.Board;
import se.paragraf.people.Organisation;

/**
 * The demo's documents as the board receives them: the notice of 5 December 2023 and its minutes,
 * laid out like the municipality's own. Checked on the rendered PDFs through their tags (PDFBox):
 * no table row is cut by a page break, tables that fit on a page are not split, headings stay with
 * what follows, every page of the minutes is numbered, a draft says UTKAST on every page and the
 * certified minutes do not, and the letterhead's name and logo head the first page.
 * <p>
 * The demo loads into a database of its own, so the other tests' boards never meet it.
 */
@SpringBootTest
@ActiveProfiles("demo")
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:paragraf-demo-documents;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
		"paragraf.demo-password=demo-documents-password" })
class DemoDocumentLayoutTests {

	/** Rows enough for the seed's investment table (8 rows) and goal table with room to spare. */
	private static final int SMALL_TABLE_ROWS = 20;

	@Autowired
	Organisation organisation;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	NoticePublication notices;

	@Autowired
	Certification certification;

	@Autowired
	MeetingConduct conduct;

	@Autowired
	MinutesComposer composer;

	Meeting meeting;

	@BeforeEach
	void demoMeeting() {
		Board board = this.organisation.board("GSN");
		this.meeting = this.planning.meetings(board.getId(), 2023).get(0);
	}

	@Test
	void noTableRowOfTheDemoNoticeIsSplitAcrossPages() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(noticePdf())) {
			TaggedPdf tagged = new TaggedPdf(pdf);
			List<Placed> rows = tagged.elements("TR");
			assertThat(rows).hasSizeGreaterThan(30);
			assertThat(rows).filteredOn(Placed::isSplit).isEmpty();
		}
	}

	@Test
	void smallTablesOfTheDemoNoticeLieWholeOnOnePage() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(noticePdf())) {
			TaggedPdf tagged = new TaggedPdf(pdf);
			List<Placed> tables = tagged.elements("Table");
			assertThat(tables).hasSizeGreaterThan(3);
			List<Placed> small = tables.stream().filter(t -> rows(tagged, t) <= SMALL_TABLE_ROWS).toList();
			assertThat(small).isNotEmpty().filteredOn(Placed::isSplit).isEmpty();
		}
	}

	@Test
	void noHeadingOfTheDemoNoticeIsLeftAtTheFootOfAPage() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(noticePdf())) {
			TaggedPdf tagged = new TaggedPdf(pdf);
			List<Placed> all = tagged.all();
			assertThat(all).filteredOn(p -> p.type().matches("H[1-6]")).hasSizeGreaterThan(20);
			for (int i = 0; i < all.size(); i++) {
				Placed heading = all.get(i);
				if (!heading.type().matches("H[1-6]") || heading.pages().isEmpty()) {
					continue;
				}
				// The next element with content of its own that is not inside the heading.
				Placed next = all.subList(i + 1, all.size())
					.stream()
					.filter(p -> !p.type().matches("H[1-6]") && !p.pages().isEmpty() && !p.type().equals("Span"))
					.findFirst()
					.orElse(null);
				// The next agenda item (an article, or the part of the document it begins) begins on a new
				// page by design: an item of a heading alone, such as "Val av justerare", is not a heading
				// left at the foot of a page.
				if (next != null && !next.type().equals("Art") && !next.type().equals("Part")) {
					assertThat(next.firstPage()).as("what follows heading on page %d", heading.lastPage())
						.isEqualTo(heading.lastPage());
				}
			}
		}
	}

	@Test
	void theDemoNoticeCarriesTheLetterheadWithItsLogoOnTheFirstPage() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(noticePdf())) {
			String first = new TaggedPdf(pdf).pageText(1);
			assertThat(first).contains("Ludvika kommun", "771 82 Ludvika");
			assertThat(images(pdf.getPage(0))).isPositive();
		}
	}

	@Test
	void everyPageOfTheCertifiedMinutesIsNumberedAndNoneSaysUtkast() throws IOException {
		Minutes minutes = this.certification.certified(this.meeting.getId()).orElseThrow();
		try (PDDocument pdf = Loader.loadPDF(this.certification.pdf(minutes))) {
			TaggedPdf tagged = new TaggedPdf(pdf);
			int pages = tagged.pageCount();
			assertThat(pages).isGreaterThan(1);
			for (int page = 1; page <= pages; page++) {
				String text = tagged.pageText(page);
				assertThat(text).as("page %d", page)
					.containsPattern("Protokoll 2023-12-05\\s+" + page + " \\(" + pages + "\\)")
					.doesNotContain("UTKAST");
			}
			assertThat(tagged.pageText(1)).contains("Ludvika kommun");
			assertThat(images(pdf.getPage(0))).isPositive();
		}
	}

	@Test
	void theSignatureBlockOfTheCertifiedMinutesNamesEachSignerWithTheTimeOfSigning() throws IOException {
		Minutes minutes = this.certification.certified(this.meeting.getId()).orElseThrow();
		try (PDDocument pdf = Loader.loadPDF(this.certification.pdf(minutes))) {
			String text = PdfFixtures.text(pdf, 1, pdf.getNumberOfPages()).replaceAll("\\s+", " ");
			assertThat(minutes.getSignatures()).hasSize(2);
			for (Signature signature : minutes.getSignatures()) {
				String role = signature.role() == Signature.SignerRole.CHAIR ? "ordförande" : "justerare";
				assertThat(text).contains("Justerat digitalt")
					.contains(signature.name() + " " + role + " " + signature.signedAtLocal());
			}
		}
		assertThat(minutes.getOfficialHtml()).contains("Justerat digitalt").doesNotContain("UTKAST");
	}

	@Test
	void everyPageOfADraftSaysUtkastAndIsNumbered() throws IOException {
		MeetingRecord record = this.conduct.record(this.meeting.getId()).orElseThrow();
		MinutesComposer.View draft = this.composer.view(this.meeting, record, null, 1,
				PublicText.officialPass(PublicText.minutesKey(this.meeting.getId())));
		try (PDDocument pdf = Loader.loadPDF(this.composer.pdf(draft, null, null))) {
			TaggedPdf tagged = new TaggedPdf(pdf);
			int pages = tagged.pageCount();
			for (int page = 1; page <= pages; page++) {
				assertThat(tagged.pageText(page)).as("page %d", page)
					.contains("UTKAST")
					.containsPattern("Protokoll 2023-12-05\\s+" + page + " \\(" + pages + "\\)");
			}
			assertThat(PdfFixtures.text(pdf, 1, pages)).doesNotContain("Justerat digitalt");
		}
		assertThat(this.composer.html(draft, null)).contains("UTKAST");
	}

	@Test
	void anExtractOfCertifiedMinutesCarriesTheLetterheadAndNoDraftMark() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(this.certification.extractPdf(this.meeting.getId(), firstSection()))) {
			TaggedPdf tagged = new TaggedPdf(pdf);
			assertThat(tagged.pageText(1)).contains("Ludvika kommun", "Protokollsutdrag").doesNotContain("UTKAST");
			assertThat(images(pdf.getPage(0))).isPositive();
		}
	}

	/** Writes the demo's documents where a person can look at them (pdftoppm -png -r 50). */
	@Test
	void theDemoDocumentsCanBeWrittenOutForALook() throws IOException {
		Path out = Path.of("target", "demo-documents");
		Files.createDirectories(out);
		Files.write(out.resolve("notice.pdf"), noticePdf());
		Minutes minutes = this.certification.certified(this.meeting.getId()).orElseThrow();
		Files.write(out.resolve("minutes-certified.pdf"), this.certification.pdf(minutes));
		MeetingRecord record = this.conduct.record(this.meeting.getId()).orElseThrow();
		Files.write(out.resolve("minutes-draft.pdf"), this.composer.pdf(this.composer.view(this.meeting, record, null, 1,
				PublicText.officialPass(PublicText.minutesKey(this.meeting.getId()))), null, null));
		Files.write(out.resolve("extract.pdf"), this.certification.extractPdf(this.meeting.getId(), firstSection()));
		assertThat(out.resolve("notice.pdf")).isNotEmptyFile();
	}

	private int firstSection() {
		return this.certification.certified(this.meeting.getId()).orElseThrow().getFirstSection();
	}

	private byte[] noticePdf() {
		return this.notices.pdf(this.notices.latest(this.meeting.getId()).orElseThrow());
	}

	private static int rows(TaggedPdf tagged, Placed table) {
		List<Placed> all = tagged.all();
		int start = all.indexOf(table);
		int count = 0;
		for (Placed p : all.subList(start + 1, all.size())) {
			if (p.type().equals("Table")) {
				break;
			}
			if (p.type().equals("TR")) {
				count++;
			}
		}
		return count;
	}

	/** Image XObjects drawn on a page, also inside forms (an SVG logo is drawn as a form). */
	private static int images(PDPage page) throws IOException {
		return images(page.getResources(), 0);
	}

	private static int images(PDResources resources, int depth) throws IOException {
		if (resources == null || depth > 4) {
			return 0;
		}
		int count = 0;
		for (COSName name : resources.getXObjectNames()) {
			PDXObject x = resources.getXObject(name);
			if (x instanceof PDImageXObject) {
				count++;
			}
			else if (x instanceof PDFormXObject form) {
				count += 1 + images(form.getResources(), depth + 1);
			}
		}
		return count;
	}

	static String matched(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		return m.find() ? m.group() : "";
	}

}
