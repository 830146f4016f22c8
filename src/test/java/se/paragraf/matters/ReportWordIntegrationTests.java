package se.paragraf.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.shared.text.RichText;

/**
 * The officer report in and out of Word on the matter page: an imported document is shown for review
 * and saved only when the user saves; a file that cannot be imported says why in Swedish and changes
 * nothing; what the editor sends is cleaned; the report downloads as a .docx with its numbered points.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportWordIntegrationTests {

	private static final RequestPostProcessor OFFICER = user("handlaggare").roles("CASE_OFFICER");

	private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	Matter matter;

	@BeforeEach
	void matter() {
		String board = PeopleFixtures.jointBoard(this.organisation).code();
		this.matter = this.register.register(board, "Ny ekonomimodell");
	}

	@Test
	void anImportedWordReportIsShownForReviewAndNothingIsSavedUntilTheUserSaves() throws Exception {
		byte[] docx = report();
		this.mvc.perform(multipart("/matters/{id}/report/import", this.matter.getId())
			.file(new MockMultipartFile("file", "tjansteskrivelse.docx", DOCX, docx))
			.with(OFFICER)
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Förhandsvisning av importen")))
			.andExpect(content().string(containsString("Importerat från tjansteskrivelse.docx")))
			.andExpect(content().string(containsString("Nämnden godkänner ekonomimodellen.")))
			.andExpect(content().string(containsString("Rubriken &quot;Juridik&quot; känns inte igen. Den och texten under den lades i Beskrivning av ärendet.")))
			.andExpect(content().string(containsString("<td>Drift</td>")))
			.andExpect(content().string(containsString("name=\"editorFields\" value=\"summary,description,financialImplications\"")))
			.andExpect(content().string(containsString("data-editor-html=\"&lt;p&gt;IT-center nettobudgeteras.&lt;/p&gt;")));
		assertThat(this.register.report(this.matter.getId()).isWritten()).isFalse();
	}

	@Test
	void aFileThatIsNotAWordDocumentIsRefusedInSwedishAndChangesNothing() throws Exception {
		this.mvc.perform(multipart("/matters/{id}/report/import", this.matter.getId())
			.file(new MockMultipartFile("file", "rapport.pdf", "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
			.with(OFFICER)
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/matters/" + this.matter.getId() + "#word-import"))
			.andExpect(flash().attribute("importError", containsString("kunde inte läsas som ett Word-dokument")));
		this.mvc.perform(multipart("/matters/{id}/report/import", this.matter.getId()).with(OFFICER))
			.andExpect(status().isForbidden());
		assertThat(this.register.report(this.matter.getId()).isWritten()).isFalse();
	}

	@Test
	void whatTheEditorSendsIsCleanedAndItsEmbedsStoredAsLinesAndMarkdownIsKeptAsTyped() throws Exception {
		String figure = RichText.attachment("{{budget.activities board=GSN year=2024}}");
		this.mvc.perform(post("/matters/{id}/report", this.matter.getId()).with(OFFICER).with(csrf())
			.param("proposalKind", "ADMINISTRATION_PROPOSAL")
			.param("proposedResolution", "Nämnden godkänner modellen.")
			.param("summary", "<div>Kort <strong onclick=\"steal()\">sammanfattat</strong><script>alert(1)</script></div>")
			.param("description", "<div>Före" + figure + "efter</div>")
			.param("financialImplications", "- *Inga* kostnader")
			.param("editorFields", "summary,description")
			.param("version", "0"))
			.andExpect(status().is3xxRedirection());

		OfficerReport report = this.register.report(this.matter.getId());
		assertThat(report.getSummary()).isEqualTo("<div>Kort <strong>sammanfattat</strong></div>");
		assertThat(report.getDescription()).isEqualTo("<div>Före</div>\n{{budget.activities board=GSN year=2024}}\n<div>efter</div>");
		assertThat(report.getFinancialImplications()).isEqualTo("- *Inga* kostnader");
		this.mvc.perform(get("/matters/{id}", this.matter.getId()).with(OFFICER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<li><em>Inga</em> kostnader</li>")))
			.andExpect(content().string(not(containsString("steal()"))));
	}

	@Test
	void theReportDownloadsAsWordWithItsHeadingNumberedPointsAndParts() throws Exception {
		this.mvc.perform(post("/matters/{id}/report", this.matter.getId()).with(OFFICER).with(csrf())
			.param("proposalKind", "ADMINISTRATION_PROPOSAL")
			.param("proposedResolution", "Nämnden godkänner modellen.\nModellen gäller från 2024.")
			.param("summary", "Modellen nettobudgeterar IT-center.")
			.param("decisionRecipients", "Kommunstyrelsen för kännedom")
			.param("editorFields", "")
			.param("version", "0"))
			.andExpect(status().is3xxRedirection());

		byte[] docx = this.mvc.perform(get("/matters/{id}/report.docx", this.matter.getId()).with(OFFICER))
			.andExpect(status().isOk())
			.andExpect(content().contentType(DOCX))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx))) {
			List<XWPFParagraph> paragraphs = word.getParagraphs();
			assertThat(paragraphs).filteredOn(p -> "Heading1".equals(p.getStyle())).extracting(XWPFParagraph::getText)
				.containsExactly("Ny ekonomimodell");
			assertThat(paragraphs).filteredOn(p -> "Heading2".equals(p.getStyle())).extracting(XWPFParagraph::getText)
				.containsExactly("Förvaltningens förslag till beslut", "Sammanfattning", "Beslut skickas till");
			assertThat(paragraphs).filteredOn(p -> "decimal".equals(p.getNumFmt())).extracting(XWPFParagraph::getText)
				.containsExactly("Nämnden godkänner modellen.", "Modellen gäller från 2024.");
			assertThat(new XWPFWordExtractor(word).getText()).contains(this.matter.getDiaryNumber().toString(),
					"Modellen nettobudgeterar IT-center.", "Kommunstyrelsen för kännedom");
		}
		this.mvc.perform(get("/matters/{id}/report.docx", this.matter.getId()).with(user("ledamot").roles("MEMBER")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theEmbedPreviewShowsOnlyEmbedLines() throws Exception {
		this.mvc.perform(get("/matters/{id}/embeds/preview", this.matter.getId()).param("token", "<script>alert(1)</script>")
			.with(OFFICER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Det här är ingen tabell som kan infogas.")))
			.andExpect(content().string(not(containsString("<script"))));
		this.mvc.perform(get("/matters/{id}/embeds/preview", this.matter.getId())
			.param("token", "{{budget.activities board=NOSUCH year=2024}}")
			.with(OFFICER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("embed-missing")));
	}

	/** A report as a case officer writes it on the template, with one heading the template does not have. */
	private static byte[] report() throws Exception {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			heading(doc, "Förslag till beslut");
			doc.createParagraph().createRun().setText("Nämnden godkänner ekonomimodellen.");
			heading(doc, "Sammanfattning");
			doc.createParagraph().createRun().setText("IT-center nettobudgeteras.");
			heading(doc, "Beskrivning av ärendet");
			var table = doc.createTable(2, 2);
			table.getRow(0).getCell(0).setText("Verksamhet");
			table.getRow(0).getCell(1).setText("Netto");
			table.getRow(1).getCell(0).setText("Drift");
			table.getRow(1).getCell(1).setText("0");
			heading(doc, "Juridik");
			doc.createParagraph().createRun().setText("Inga hinder.");
			doc.write(out);
			return out.toByteArray();
		}
	}

	private static void heading(XWPFDocument doc, String text) {
		XWPFParagraph paragraph = doc.createParagraph();
		paragraph.setStyle("Heading1");
		paragraph.createRun().setText(text);
	}

}
