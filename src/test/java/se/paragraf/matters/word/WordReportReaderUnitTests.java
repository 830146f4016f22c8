package se.paragraf.matters.word;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

import se.paragraf.shared.RuleViolation;

/**
 * Unit tests for {@link WordReportReader}: reports written the way case officers write them in Word —
 * on the template with heading styles, or with the headings merely in bold — land in the report's
 * parts; what cannot be taken over is said, and what cannot be read is refused with the reason.
 */
class WordReportReaderUnitTests {

	@Test
	void theTemplatesHeadingStylesMapToTheReportsPartsWithNumberedPointsListsAndTables() throws IOException {
		byte[] docx = docx(doc -> {
			paragraph(doc, "Title", "Tjänsteskrivelse");
			paragraph(doc, "Title", "Ny ekonomimodell för IT-center");
			paragraph(doc, "Heading1", "Förslag till beslut");
			BigInteger numbered = numbering(doc, STNumberFormat.DECIMAL);
			listItem(doc, numbered, "Nämnden godkänner ekonomimodellen.");
			listItem(doc, numbered, "Modellen gäller från den 1 januari 2024.");
			paragraph(doc, "Heading1", "Sammanfattning");
			XWPFParagraph summary = doc.createParagraph();
			summary.createRun().setText("IT-center ska ");
			XWPFRun bold = summary.createRun();
			bold.setBold(true);
			bold.setText("nettobudgeteras");
			summary.createRun().setText(" till noll.");
			paragraph(doc, "Heading1", "Beskrivning av ärendet");
			paragraph(doc, null, "Kostnaderna fördelas på tre sätt:");
			BigInteger bullets = numbering(doc, STNumberFormat.BULLET);
			listItem(doc, bullets, "abonnemang");
			listItem(doc, bullets, "timdebitering");
			XWPFTable table = doc.createTable(2, 2);
			table.getRow(0).getCell(0).setText("Verksamhet");
			table.getRow(0).getCell(1).setText("Netto");
			table.getRow(1).getCell(0).setText("Drift <IT>");
			table.getRow(1).getCell(1).setText("0");
			paragraph(doc, "Heading1", "Ekonomiska konsekvenser");
			paragraph(doc, null, "Inga.");
			paragraph(doc, "Heading1", "Beslut skickas till");
			paragraph(doc, null, "Kommunstyrelsen för kännedom");
			paragraph(doc, null, "Ekonomichefen <ekonomi@ludvika.se>");
		});

		ImportedReport report = WordReportReader.read(docx);

		assertThat(report.heading()).isEqualTo("Ny ekonomimodell för IT-center");
		assertThat(report.proposedResolution()).containsExactly("Nämnden godkänner ekonomimodellen.",
				"Modellen gäller från den 1 januari 2024.");
		assertThat(report.summary()).isEqualTo("<p>IT-center ska <strong>nettobudgeteras</strong> till noll.</p>");
		assertThat(report.description()).contains("<p>Kostnaderna fördelas på tre sätt:</p>")
			.contains("<ul><li>abonnemang</li><li>timdebitering</li></ul>")
			.contains("<thead><tr><th scope=\"col\">Verksamhet</th><th scope=\"col\">Netto</th></tr></thead>")
			.contains("<td>Drift &lt;IT&gt;</td>");
		assertThat(report.financialImplications()).isEqualTo("<p>Inga.</p>");
		assertThat(report.decisionRecipients()).containsExactly("Kommunstyrelsen för kännedom",
				"Ekonomichefen <ekonomi@ludvika.se>");
		assertThat(report.notices()).isEmpty();
	}

	@Test
	void headingsWrittenInBoldWithoutAStyleAreRecognisedToo() throws IOException {
		byte[] docx = docx(doc -> {
			bold(doc, "Förvaltningens förslag till beslut:");
			paragraph(doc, null, "1. Nämnden antar planen.");
			bold(doc, "Sammanfattning");
			paragraph(doc, null, "Planen är klar.");
			XWPFParagraph emphasis = doc.createParagraph();
			XWPFRun run = emphasis.createRun();
			run.setBold(true);
			run.setText("Det här är en viktig mening i fetstil.");
		});

		ImportedReport report = WordReportReader.read(docx);

		assertThat(report.proposedResolution()).containsExactly("Nämnden antar planen.");
		assertThat(report.summary()).contains("<p>Planen är klar.</p>")
			.contains("<p><strong>Det här är en viktig mening i fetstil.</strong></p>");
		assertThat(report.notices()).isEmpty();
	}

	@Test
	void anUnknownHeadingIsKeptAsASubheadingAndReportedAndTextBeforeTheFirstHeadingIsNamed() throws IOException {
		byte[] docx = docx(doc -> {
			paragraph(doc, null, "Dnr GSN2023/12");
			paragraph(doc, "Heading1", "Beskrivning av ärendet");
			paragraph(doc, null, "Bakgrunden.");
			paragraph(doc, "Rubrik1", "Juridiska aspekter");
			paragraph(doc, null, "Inga hinder.");
		});

		ImportedReport report = WordReportReader.read(docx);

		assertThat(report.description()).isEqualTo("<p>Bakgrunden.</p>\n<h3>Juridiska aspekter</h3>\n<p>Inga hinder.</p>");
		assertThat(report.notices()).extracting(ImportedReport.Notice::code)
			.containsExactly("report.import.notice.unknownHeading", "report.import.notice.beforeHeadings");
		assertThat(report.notices().get(0).arguments()).containsExactly("Juridiska aspekter", "report.part.DESCRIPTION");
		assertThat(report.notices().get(1).arguments()).containsExactly("Dnr GSN2023/12");
	}

	@Test
	void textThatLooksLikeMarkupStaysText() throws IOException {
		byte[] docx = docx(doc -> {
			paragraph(doc, "Heading1", "Sammanfattning");
			paragraph(doc, null, "<script>alert(1)</script><img src=x onerror=alert(2)>");
		});

		assertThat(WordReportReader.read(docx).summary()).doesNotContain("<script", "<img")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	@Test
	void aFileThatIsNotAWordDocumentIsRefusedSayingSo() {
		assertRefused("%PDF-1.7 not a docx".getBytes(StandardCharsets.US_ASCII), "report.import.notDocx");
		assertRefused("PK\u0003\u0004 a broken zip".getBytes(StandardCharsets.ISO_8859_1), "report.import.notDocx");
		assertRefused(new byte[0], "report.import.empty");
		assertRefused(new byte[WordReportReader.MAX_BYTES + 1], "report.import.tooLarge");
	}

	@Test
	void aDocumentWithTrackedChangesIsRefusedUntilTheyAreAcceptedOrRejected() throws IOException {
		byte[] docx = docx(doc -> {
			paragraph(doc, "Heading1", "Sammanfattning");
			XWPFParagraph changed = doc.createParagraph();
			changed.getCTP().addNewIns().addNewR().addNewT().setStringValue("tillagt");
		});

		assertRefused(docx, "report.import.trackedChanges");
	}

	@Test
	void aDocumentWithoutTheTemplatesHeadingsIsRefused() throws IOException {
		assertRefused(docx(doc -> paragraph(doc, null, "Bara en rad utan rubriker.")), "report.import.nothing");
	}

	@Test
	void imagesAreLeftOutWithANoticeSayingHowMany() throws IOException {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
		byte[] docx = docx(doc -> {
			paragraph(doc, "Heading1", "Beskrivning av ärendet");
			XWPFRun run = doc.createParagraph().createRun();
			run.setText("Se kartan.");
			try {
				run.addPicture(new java.io.ByteArrayInputStream(png.toByteArray()), org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG,
						"karta.png", 100_000, 100_000);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});

		ImportedReport report = WordReportReader.read(docx);

		assertThat(report.description()).isEqualTo("<p>Se kartan.</p>");
		assertThat(report.notices()).containsExactly(new ImportedReport.Notice("report.import.notice.images", java.util.List.of("1")));
	}

	private static void assertRefused(byte[] bytes, String code) {
		assertThatThrownBy(() -> WordReportReader.read(bytes)).isInstanceOf(RuleViolation.class)
			.satisfies(ex -> assertThat(((RuleViolation) ex).code()).isEqualTo(code))
			.satisfies(ex -> assertThat(((RuleViolation) ex).field()).isEqualTo("file"));
	}

	private static byte[] docx(Consumer<XWPFDocument> content) throws IOException {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			content.accept(doc);
			doc.write(out);
			return out.toByteArray();
		}
	}

	private static void paragraph(XWPFDocument doc, String style, String text) {
		XWPFParagraph paragraph = doc.createParagraph();
		if (style != null) {
			paragraph.setStyle(style);
		}
		paragraph.createRun().setText(text);
	}

	private static void bold(XWPFDocument doc, String text) {
		XWPFRun run = doc.createParagraph().createRun();
		run.setBold(true);
		run.setText(text);
	}

	private static void listItem(XWPFDocument doc, BigInteger numId, String text) {
		XWPFParagraph paragraph = doc.createParagraph();
		paragraph.setNumID(numId);
		paragraph.setNumILvl(BigInteger.ZERO);
		paragraph.createRun().setText(text);
	}

	private static BigInteger numbering(XWPFDocument doc, STNumberFormat.Enum format) {
		XWPFNumbering numbering = doc.getNumbering() == null ? doc.createNumbering() : doc.getNumbering();
		CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
		BigInteger id = BigInteger.valueOf(numbering.getAbstractNums().size() + 10);
		abstractNum.setAbstractNumId(id);
		CTLvl level = abstractNum.addNewLvl();
		level.setIlvl(BigInteger.ZERO);
		level.addNewNumFmt().setVal(format);
		level.addNewLvlText().setVal(format == STNumberFormat.BULLET ? "•" : "%1.");
		return numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abstractNum)));
	}

}
