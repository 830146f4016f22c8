package se.paragraf.browser;

import se.paragraf.shared.Sweden;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.plans.OperationsPlan;
import se.paragraf.plans.PlanManagement;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * A case officer brings her Word report into Paragraf: she imports the .docx, reviews the preview,
 * writes on in the editor (text, bold, a bulleted list), inserts the operations plan's goal table from
 * the "Infoga tabell" menu after previewing it, and saves; the saved report shows her text and the live
 * table. The secretary then publishes the notice of the meeting the matter is on, and the published
 * PDF carries what was imported and written. Every page passes axe-core and HTML_CodeSniffer, at
 * desktop and at phone width.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportEditorBrowserTests {

	private static final String PASSWORD = "browser-report-editor-password";

	@LocalServerPort
	int port;

	@Autowired
	Organisation organisation;

	@Autowired
	AccountService accounts;

	@Autowired
	MatterRegister register;

	@Autowired
	PlanManagement plans;

	@Autowired
	MeetingPlanning planning;

	Meeting meeting;

	String secretary;

	BoardWithPeople board;

	Matter matter;

	String officer;

	Chromium chromium;

	@BeforeEach
	void anOfficerAMatterAndAPlan() {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		this.officer = "re-" + this.board.code().toLowerCase();
		this.accounts.create(this.officer, PASSWORD, EnumSet.of(Role.CASE_OFFICER), null);
		this.matter = this.register.register(this.board.code(), "Ny ekonomimodell för IT-center");
		OperationsPlan plan = this.plans.createPlan(this.board.code(), 2024, "Verksamhetsplan 2024", "Inledning");
		this.plans.addGoal(plan.getId(), "Vi erbjuder service i världsklass", "Nöjda kunder", 2024, 2026);
		// The matter is on a coming meeting's agenda, whose notice the secretary publishes once the report is in.
		this.secretary = "re-sek-" + this.board.code().toLowerCase();
		this.accounts.create(this.secretary, PASSWORD, EnumSet.of(Role.SECRETARY), this.board.secretary().getId());
		java.time.LocalDate day = java.time.LocalDate.now(Sweden.ZONE).plusDays(14);
		this.meeting = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY, day.atTime(10, 0),
				day.atTime(12, 0), null, "Sammanträdesrummet");
		this.planning.addMatter(this.meeting.getId(), this.planning.meeting(this.meeting.getId()).getVersion(),
				this.matter.getId());
		this.chromium = new Chromium("http://localhost:" + this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.chromium.close();
	}

	@Test
	void aWordReportIsImportedEditedWithALiveTableAndSaved() throws Exception {
		Path shots = Path.of("target", "screenshots");
		Files.createDirectories(shots);
		Path docx = shots.resolve("tjansteskrivelse.docx");
		Files.write(docx, wordReport());

		Page page = this.chromium.newPage();
		page.onPageError(error -> System.out.println("PAGE ERROR " + error));
		page.onConsoleMessage(message -> System.out.println("CONSOLE " + message.type() + " " + message.text()));
		page.setViewportSize(1280, 900);
		this.chromium.signIn(page, this.officer, PASSWORD);
		page.navigate("/matters/" + this.matter.getId());
		this.chromium.checkAccessibility(page);

		page.getByLabel("Word-dokument (.docx)").setInputFiles(docx);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Läs in och förhandsvisa")).click();
		assertThat(page.locator("#import-preview")).containsText("Inget är sparat ännu");
		assertThat(page.locator("#import-preview")).containsText("Nämnden godkänner ekonomimodellen.");
		assertThat(page.locator("#import-preview table")).containsText("Drift");
		assertThat(page.locator(".import-notices")).containsText("Rubriken \"Juridik\" känns inte igen");
		page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("report-import-1280.png")).setFullPage(true));
		Locator summary = page.locator("trix-editor#summary-editor");
		assertThat(summary).containsText("IT-center nettobudgeteras.");
		this.chromium.checkAccessibility(page);
		page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("report-import-1280.png")).setFullPage(true));

		// Write on: a sentence with a bold word, then a bulleted list, with the toolbar's Swedish buttons.
		summary.click();
		page.keyboard().press("Control+End");
		page.keyboard().press("Enter");
		page.keyboard().type("Modellen är ");
		Locator toolbar = page.getByRole(AriaRole.TOOLBAR, new Page.GetByRoleOptions().setName("Formatering av Sammanfattning"));
		toolbar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Fetstil")).click();
		page.keyboard().type("enkel");
		toolbar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Fetstil")).click();
		page.keyboard().type(".");
		page.keyboard().press("Enter");
		toolbar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Punktlista")).click();
		page.keyboard().type("abonnemang");
		page.keyboard().press("Enter");
		page.keyboard().type("timdebitering");

		// Insert the plan's goal table from the menu, after looking at it.
		page.locator("#embeds > summary").click();
		page.getByLabel("Infoga i").selectOption("summary");
		page.locator(".embed-offers > li", new Page.LocatorOptions().setHasText("Verksamhetsplan 2024 – strategiska mål"))
			.locator(".embed-preview > summary")
			.click();
		assertThat(page.locator(".embed-preview[open]")).containsText("Vi erbjuder service i världsklass");
		this.chromium.checkAccessibility(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Infoga Verksamhetsplan 2024 – strategiska mål"))
			.click();
		assertThat(summary.locator("figure")).containsText("{{plans.goals board=" + this.board.code() + " year=2024}}");
		page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("report-editor-1280.png")).setFullPage(true));

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara tjänsteskrivelsen")).click();
		assertThat(page.locator(".flash")).containsText("sparade");
		Locator saved = page.locator("section[aria-labelledby=preview-heading] .report");
		assertThat(saved).containsText("IT-center nettobudgeteras.");
		assertThat(saved.locator("strong", new Locator.LocatorOptions().setHasText("enkel"))).isVisible();
		assertThat(saved.locator("li", new Locator.LocatorOptions().setHasText("timdebitering"))).isVisible();
		assertThat(saved.locator(".embed table")).containsText("Vi erbjuder service i världsklass");
		assertThat(saved.locator("table", new Locator.LocatorOptions().setHasText("Drift"))).isVisible();
		assertThat(saved).containsText("Nämnden godkänner ekonomimodellen.");
		this.chromium.checkAccessibility(page);
		page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("report-saved-1280.png")).setFullPage(true));
		page.setViewportSize(390, 844);
		page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("report-saved-390.png")).setFullPage(true));
		// Nothing of the report, its editor, menu or preview makes the page wider than a phone.
		Object wide = page.evaluate("""
				() => [...document.querySelectorAll('#report *, section[aria-labelledby=preview-heading] *')]
				  .filter(e => e.getBoundingClientRect().right > 391 && !e.closest('.report table, .embed, .embed-preview'))
				  .filter(e => getComputedStyle(e).visibility !== 'hidden' && e.getBoundingClientRect().width > 0)
				  .map(e => e.tagName + '#' + e.id + '.' + e.className)
				""");
		org.assertj.core.api.Assertions.assertThat((java.util.List<?>) wide).as("elements wider than 390 px").isEmpty();

		// The secretary publishes the notice: the report goes out as imported and written.
		Page desk = this.chromium.newPerson();
		desk.setViewportSize(1280, 900);
		this.chromium.signIn(desk, this.secretary, PASSWORD);
		desk.navigate("/meetings/" + this.meeting.getId() + "/notices/preview");
		this.chromium.checkAccessibility(desk);
		desk.getByLabel("Jag har granskat kallelsen och ändringarna och vill publicera den.").check();
		desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publicera kallelsen")).click();
		assertThat(desk.locator("#notice-job [role=status]")).containsText("Kallelsen är publicerad",
				new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
		desk.reload();
		Locator pdfLink = desk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("PDF, version 1")).first();
		APIResponse published = desk.request().get(pdfLink.getAttribute("href"));
		org.assertj.core.api.Assertions.assertThat(published.status()).isEqualTo(200);
		Files.write(shots.resolve("report-notice.pdf"), published.body());
		try (PDDocument pdf = Loader.loadPDF(published.body())) {
			// In reading order as printed: the bold word is drawn as a run of its own.
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			// The editor keeps a typed space before a formatting change as a no-break space.
			String text = stripper.getText(pdf).replaceAll("[\\s\\u00A0]+", " ");
			org.assertj.core.api.Assertions.assertThat(text)
				.contains("Nämnden godkänner ekonomimodellen.", "IT-center nettobudgeteras.", "Modellen är enkel.",
						"timdebitering", "Vi erbjuder service i världsklass", "Drift");
		}
		this.chromium.assertNoSeriousAccessibilityViolations();
	}

	/** The report as written in Word on the municipality's template, with one heading it does not know. */
	private static byte[] wordReport() throws Exception {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			heading(doc, "Förslag till beslut");
			doc.createParagraph().createRun().setText("Nämnden godkänner ekonomimodellen.");
			heading(doc, "Sammanfattning");
			doc.createParagraph().createRun().setText("IT-center nettobudgeteras.");
			heading(doc, "Beskrivning av ärendet");
			doc.createParagraph().createRun().setText("Kostnaderna fördelas så här:");
			XWPFTable table = doc.createTable(2, 2);
			table.getRow(0).getCell(0).setText("Verksamhet");
			table.getRow(0).getCell(1).setText("Netto");
			table.getRow(1).getCell(0).setText("Drift");
			table.getRow(1).getCell(1).setText("0");
			heading(doc, "Juridik");
			doc.createParagraph().createRun().setText("Inga hinder.");
			heading(doc, "Beslut skickas till");
			doc.createParagraph().createRun().setText("Kommunstyrelsen för kännedom");
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
