package se.paragraf.browser;

import se.paragraf.shared.Sweden;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.EnumSet;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.paragraf.documents.PdfFixtures;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * A member reads the notice in the reader (PDF.js), writes a note on page 2 and highlights a part of
 * page 1; after a reload both are there; another member, in a browser of her own, sees none of it;
 * the download with notes carries the note. At a desktop's and a phone's width, axe-core on each page.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadingBrowserTests {

	private static final String PASSWORD = "browser-test-password";

	private static final String NOTE = "Fråga förvaltningen om Lingonkvarnen";

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

	@Autowired
	NoticePublication notices;

	Meeting meeting;

	String author;

	String other;

	Chromium chromium;

	Chromium otherChromium;

	@BeforeEach
	void publishedNoticeAndTwoMembers() throws Exception {
		BoardWithPeople board = PeopleFixtures.jointBoard(this.organisation);
		// Next week, so that it is among the member's upcoming meetings.
		LocalDateTime start = java.time.LocalDate.now(Sweden.ZONE).plusDays(7).atTime(13, 0);
		this.meeting = this.planning.schedule(board.code(), MeetingKind.ORDINARY, start, start.plusHours(3),
				"Sammanträdesrum Tranan", null);
		Matter matter = this.register.register(board.code(), "Detaljbudget 2024");
		this.register.attachFile(matter.getId(), "Budgetunderlag", "underlag.pdf", "application/pdf",
				new ByteArrayInputStream(PdfFixtures.pdfWithPages(3, "Budgetunderlag")));
		this.planning.addMatter(this.meeting.getId(), this.planning.meeting(this.meeting.getId()).getVersion(),
				matter.getId());
		this.notices.publish(this.meeting.getId(), this.planning.meeting(this.meeting.getId()).getVersion());
		Long member = this.organisation.seats(board.board().getId(), start.toLocalDate())
			.stream()
			.filter(s -> s.membership().getRole() == MembershipRole.MEMBER)
			.map(s -> s.person().getId())
			.findFirst()
			.orElseThrow();
		this.author = "las-" + board.code().toLowerCase();
		this.other = "annan-" + board.code().toLowerCase();
		this.accounts.create(this.author, PASSWORD, EnumSet.of(Role.MEMBER), board.chair().getId());
		this.accounts.create(this.other, PASSWORD, EnumSet.of(Role.MEMBER), member);
		this.chromium = new Chromium("http://localhost:" + this.port);
		this.otherChromium = new Chromium("http://localhost:" + this.port);
	}

	@AfterEach
	void closeBrowsers() {
		this.chromium.close();
		this.otherChromium.close();
	}

	@Test
	void aMembersNoteOnPageTwoSurvivesAReloadIsInHerDownloadAndNobodyElseSeesIt() throws Exception {
		Page page = this.chromium.newPage();
		page.setViewportSize(1280, 900);
		this.chromium.signIn(page, this.author, PASSWORD);
		page.navigate("/my/meetings");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Läs och anteckna")).first().click();
		Locator page2 = page.locator("section.reader-page[data-page='2']");
		page2.scrollIntoViewIfNeeded();
		assertThat(page2.locator("canvas")).hasCount(1);
		this.chromium.checkAccessibility(page);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ny anteckning på sidan 2")).click();
		page2.getByLabel("Anteckning").fill(NOTE);
		page2.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Spara")).click();
		assertThat(page.locator("#reader-status")).hasText("Sparat.");
		assertThat(page2.locator(".reader-notes")).containsText(NOTE);

		// A highlight on page 1: the button turns marking on, a drag across the page marks an area.
		Locator page1 = page.locator("section.reader-page[data-page='1']");
		page1.scrollIntoViewIfNeeded();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Markera på sidan 1")).click();
		page1.locator(".reader-sheet").evaluate("sheet => sheet.scrollIntoView({ block: 'start' })");
		BoundingBox sheet = page1.locator(".reader-sheet").boundingBox();
		page.mouse().move(sheet.x + sheet.width * 0.2, sheet.y + sheet.height * 0.1);
		page.mouse().down();
		page.mouse().move(sheet.x + sheet.width * 0.7, sheet.y + sheet.height * 0.2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
		page.mouse().up();
		assertThat(page1.locator(".reader-notes")).containsText("Markering");

		page.reload();
		page2 = page.locator("section.reader-page[data-page='2']");
		assertThat(page2.locator(".reader-notes")).containsText(NOTE);
		assertThat(page.locator("section.reader-page[data-page='1'] .reader-mark")).hasCount(1);
		Files.createDirectories(Path.of("target/screenshots"));
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/reader-1280.png")));

		Download download = page.waitForDownload(() -> page
			.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ladda ner kallelsen med mina anteckningar (PDF)"))
			.click());
		try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
			assertThat(pdf.getPage(1).getAnnotations()).extracting(PDAnnotation::getContents).contains(NOTE);
		}

		// On a phone: the pages fit the width, nothing scrolls sideways, and the note is still there.
		page.setViewportSize(390, 844);
		page.reload();
		assertThat(page.locator("section.reader-page[data-page='2'] .reader-notes")).containsText(NOTE);
		assertThat(page.locator("section.reader-page[data-page='1'] canvas")).hasCount(1);
		assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
		this.chromium.checkAccessibility(page);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/reader-390.png")));

		// Another member of the board reads the same notice and sees nothing of it.
		Page theirs = this.otherChromium.newPage();
		this.otherChromium.signIn(theirs, this.other, PASSWORD);
		theirs.navigate("/meetings/" + this.meeting.getId() + "/reading");
		Locator theirPage2 = theirs.locator("section.reader-page[data-page='2']");
		theirPage2.scrollIntoViewIfNeeded();
		assertThat(theirPage2.locator("canvas")).hasCount(1);
		assertThat(theirs.locator("#reader")).not().containsText("Lingonkvarnen");
		assertThat(theirs.locator(".reader-mark")).hasCount(0);
		assertThat(theirs.locator(".reader-notes li")).hasCount(0);
		this.otherChromium.checkAccessibility(theirs);

		this.chromium.assertNoSeriousAccessibilityViolations();
		this.otherChromium.assertNoSeriousAccessibilityViolations();
	}

}
