package se.paragraf.browser;

import se.paragraf.shared.Sweden;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static se.paragraf.documents.PdfFixtures.pdfWithPages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * The secretary's day from the start page: she follows the task to the coming meeting, publishes
 * the notice through its review (the page-numbered PDF, what changed, the ticked confirmation),
 * removes an agenda item and an attachment and undoes both, sees the published notice go out of
 * date when a report changes and the review names the change; and she orders the agenda by drag and
 * drop and by keyboard alone. Every page visited passes axe-core.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecretaryDayBrowserTests {

	private static final String PASSWORD = "browser-test-password";

	private static final LocatorAssertions.ContainsTextOptions PUBLISHING = new LocatorAssertions.ContainsTextOptions()
		.setTimeout(60_000);

	@LocalServerPort
	int port;

	@Autowired
	Organisation organisation;

	@Autowired
	AccountService accounts;

	@Autowired
	MatterRegister register;

	@Autowired
	MeetingPlanning planning;

	BoardWithPeople board;

	String username;

	Meeting meeting;

	Chromium chromium;

	@BeforeEach
	void comingMeetingAndASecretary() {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		this.username = "sek-" + this.board.code().toLowerCase();
		this.accounts.create(this.username, PASSWORD, EnumSet.of(Role.SECRETARY), this.board.secretary().getId());
		// Two weeks ahead, so that the meeting is on her start page and its notice still to publish.
		LocalDate day = LocalDate.now(Sweden.ZONE).plusDays(14);
		this.meeting = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY, day.atTime(10, 0),
				day.atTime(12, 0), null, "Netpuplicator");
		this.chromium = new Chromium("http://localhost:" + this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.chromium.close();
	}

	@Test
	void fromTheStartPageTheSecretaryPublishesSeesTheNoticeGoOutOfDateAndUndoesRemovals() throws IOException {
		Matter budget = matterWithReport("Detaljbudget 2024");
		this.register.attachFile(budget.getId(), "Budgetunderlag", "underlag.pdf", "application/pdf",
				new ByteArrayInputStream(pdfWithPages(1, "BUDGETUNDERLAG")));
		matterWithReport("Sammanträdesplan 2024");
		Page page = this.chromium.newPage();
		this.chromium.signIn(page, this.username, PASSWORD);

		// The start page: the coming meeting with its next task, a link to where it is done.
		page.navigate("/");
		Locator task = page.locator(".desk a[href='/meetings/" + this.meeting.getId() + "']");
		assertThat(task).hasText("Publicera kallelsen");
		this.chromium.checkAccessibility(page);
		task.click();
		assertThat(page.locator("#agenda tbody tr")).hasCount(5);
		this.chromium.checkAccessibility(page);

		// Publishing goes through the review: the PDF as it will be, numbered pages, and a tick.
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Granska och publicera kallelsen")).click();
		assertThat(page.locator("main")).containsText("detta blir version 1");
		String pageCount = page.locator("#notice-page-count").textContent();
		int pages = Integer.parseInt(pageCount.replaceAll("\\D", ""));
		// Each agenda item with its pages in the PDF; the last of them is the PDF's last page.
		List<String> ranges = page.locator("#notice-preview-agenda tbody td:nth-child(4)").allTextContents();
		assertThat(ranges).hasSize(5).allSatisfy(r -> assertThat(r.strip()).matches("\\d+(\\s*[-–]\\s*\\d+)?"));
		assertThat(Pattern.compile("\\d+").matcher(ranges.get(4)).results().map(m -> Integer.parseInt(m.group())).toList())
			.last()
			.isEqualTo(pages);
		try (PDDocument pdf = Loader.loadPDF(get(page, "/meetings/" + this.meeting.getId() + "/notices/preview.pdf"))) {
			assertThat(pdf.getNumberOfPages()).as("the page count the review states").isEqualTo(pages);
			assertThat(pageTexts(pdf).get(0)).contains("Detaljbudget 2024", "Sammanträdesplan 2024");
			assertThat(String.join("", pageTexts(pdf))).contains("BUDGETUNDERLAG");
		}
		this.chromium.checkAccessibility(page);
		publish(page, "Publicera kallelsen", 1);
		Locator outOfDate = page.locator("#agenda .flash.warning");
		assertThat(outOfDate).hasCount(0);

		// An agenda item removed: the published notice is out of date, and "Ångra" puts it back as it was.
		page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Ta bort Sammanträdesplan 2024 från föredragningslistan"))
			.click();
		assertThat(page.locator("#agenda-undo")).containsText("Punkt 4, Sammanträdesplan 2024, är borttagen");
		assertThat(outOfDate).containsText("inaktuell");
		assertThat(page.locator("#removed-items summary")).hasText("Borttagna punkter (1)");
		this.chromium.checkAccessibility(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ångra borttagningen av Sammanträdesplan 2024"))
			.click();
		assertThat(page.locator("#agenda tbody tr").nth(3)).containsText("Sammanträdesplan 2024");
		assertThat(page.locator("#removed-items")).hasCount(0);
		// The agenda is again as published.
		assertThat(outOfDate).hasCount(0);

		// An attachment removed from the report: listed with who removed it, and "Ångra" brings it back.
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Detaljbudget 2024")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ta bort bilagan Budgetunderlag")).click();
		assertThat(page.locator("#attachment-undo")).containsText("Bilagan Budgetunderlag är borttagen.");
		Locator removedAttachments = page.locator("#withdrawn-attachments");
		assertThat(removedAttachments.locator("summary")).hasText("Borttagna bilagor (1)");
		removedAttachments.locator("summary").click();
		assertThat(removedAttachments).containsText("Borttagen");
		assertThat(removedAttachments).containsText(this.username);
		this.chromium.checkAccessibility(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ångra borttagningen av bilagan Budgetunderlag"))
			.click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Bilagan Budgetunderlag är återställd");
		assertThat(page.locator("#attachments table")).containsText("Budgetunderlag");
		assertThat(removedAttachments).hasCount(0);

		// A report changed after publication: the meeting page says the notice is out of date, the
		// review names the change and offers a new version.
		page.getByLabel("Markdown", new Page.GetByLabelOptions().setExact(true)).check();
		page.locator("textarea#description").fill("Förvaltningen har räknat om budgeten efter nämndens dialog.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara tjänsteskrivelsen")).click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("sparade");
		page.navigate("/meetings/" + this.meeting.getId());
		assertThat(outOfDate).containsText("Den publicerade kallelsen (version 1) är inaktuell");
		this.chromium.checkAccessibility(page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Granska och publicera kallelsen")).click();
		assertThat(page.locator("#changes-heading")).hasText("Ändringar sedan version 1");
		assertThat(page.locator("#notice-changes li")).hasText(new Pattern[] {
				Pattern.compile("Punkt 3: tjänsteskrivelsen till Detaljbudget 2024 har ändrats.") });
		// Publishing version 2 is the same job as version 1; left out to keep the browser suite short.
		assertThat(page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Publicera en ny version av kallelsen"))).isVisible();
		this.chromium.checkAccessibility(page);
		this.chromium.assertNoSeriousAccessibilityViolations();
	}

	@Test
	void theAgendaIsOrderedByDragAndDropOrByKeyboardAloneAndKeepsTheOrder() {
		for (String title : List.of("Alfa", "Beta", "Gamma")) {
			matterWithReport(title);
		}
		Page page = this.chromium.newPage();
		this.chromium.signIn(page, this.username, PASSWORD);
		page.navigate("/meetings/" + this.meeting.getId());
		assertThat(agendaTitles(page)).containsExactly("Val av justerare", "Anmälan av extra ärenden", "Alfa", "Beta",
				"Gamma", "Information från verksamheten");
		this.chromium.checkAccessibility(page);

		// Gamma dragged by its handle above Alfa (SortableJS, a real mouse drag in Chromium).
		Locator handle = row(page, "Gamma").locator(".drag-handle");
		Locator target = row(page, "Alfa");
		// The row moves at once; the order is saved by the request the drop sends, awaited before reloading.
		com.microsoft.playwright.Response saved = page.waitForResponse(r -> r.url().endsWith("/agenda/order"),
				() -> handle.dragTo(target, new Locator.DragToOptions().setTargetPosition(40, 2)));
		assertThat(saved.status()).isEqualTo(200);
		assertThat(page.locator("#agenda tbody tr").nth(2)).containsText("Gamma");
		page.reload();
		assertThat(agendaTitles(page)).as("the dropped order, saved").containsExactly("Val av justerare",
				"Anmälan av extra ärenden", "Gamma", "Alfa", "Beta", "Information från verksamheten");

		// The same by keyboard alone: Tab to "Ned" on Gamma's row and press Enter, then Space on "Upp" of Beta.
		pressWithKeyboard(page, "Flytta ned Gamma");
		assertThat(page.locator("#agenda tbody tr").nth(3)).containsText("Gamma");
		pressWithKeyboard(page, "Flytta upp Beta");
		assertThat(page.locator("#agenda tbody tr").nth(3)).containsText("Beta");
		page.reload();
		assertThat(agendaTitles(page)).as("the keyboard's order, saved").containsExactly("Val av justerare",
				"Anmälan av extra ärenden", "Alfa", "Beta", "Gamma", "Information från verksamheten");
		this.chromium.checkAccessibility(page);
		this.chromium.assertNoSeriousAccessibilityViolations();
	}

	/**
	 * Moves the focus with Tab from the top of the page until it is on the named button (so it is in
	 * the tab order and reachable without a mouse), then presses it with Enter.
	 */
	private static void pressWithKeyboard(Page page, String label) {
		page.locator("h1").first().click();
		for (int i = 0; i < 200; i++) {
			page.keyboard().press("Tab");
			Object focused = page.evaluate("() => document.activeElement && document.activeElement.getAttribute('aria-label')");
			if (label.equals(focused)) {
				page.keyboard().press("Enter");
				return;
			}
		}
		throw new AssertionError("No keyboard path to the button " + label);
	}

	private static Locator row(Page page, String title) {
		return page.locator("#agenda tbody tr", new Page.LocatorOptions().setHasText(title));
	}

	private static List<String> agendaTitles(Page page) {
		return page.locator("#agenda tbody tr td:nth-child(2) > :first-child").allTextContents().stream()
			.map(String::strip)
			.toList();
	}

	private void publish(Page page, String button, int version) {
		page.getByLabel("Jag har granskat kallelsen och ändringarna och vill publicera den.").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)).click();
		assertThat(page.locator("#notice-job [role=status]")).containsText("Kallelsen är publicerad", PUBLISHING);
		page.reload();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("PDF, version " + version)).first())
			.isVisible();
		this.chromium.checkAccessibility(page);
	}

	private Matter matterWithReport(String title) {
		Matter matter = this.register.register(this.board.code(), title);
		this.register.writeReport(matter.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
				List.of("Nämnden beslutar enligt förslaget."), "", "Beskrivning.", "Inga.", this.board.caseOfficer().getId(),
				LocalDate.now(Sweden.ZONE), List.of()), 0);
		this.planning.addMatter(this.meeting.getId(), this.planning.meeting(this.meeting.getId()).getVersion(),
				matter.getId());
		return matter;
	}

	private static byte[] get(Page page, String path) {
		APIResponse response = page.request().get(path);
		assertThat(response.status()).as("GET %s", path).isEqualTo(200);
		return response.body();
	}

	private static List<String> pageTexts(PDDocument pdf) throws IOException {
		List<String> texts = new ArrayList<>();
		PDFTextStripper stripper = new PDFTextStripper();
		for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
			stripper.setStartPage(p);
			stripper.setEndPage(p);
			texts.add(stripper.getText(pdf));
		}
		return texts;
	}

}
