package se.paragraf.browser;

import se.paragraf.shared.Sweden;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublished;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.people.Person;
import se.paragraf.proceedings.DecisionDispatch;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * The secretary's day when the mail server is down: the members' mail about a published notice does
 * not arrive; the start page says "E-post kunde inte levereras" and leads to the meeting page, where
 * each mail is shown with "Försök igen". Tried while the server is still down, the mail stays with its
 * new error; tried again once the server (GreenMail) is back, it arrives and leaves both pages. Every
 * page visited passes axe-core, and the failures wrap within 390 px.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FailedMailBrowserTests {

	private static final String PASSWORD = "browser-test-password";

	static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@LocalServerPort
	int port;

	@Autowired
	Organisation organisation;

	@Autowired
	AccountService accounts;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	DecisionDispatch dispatch;

	BoardWithPeople board;

	Person member;

	Meeting meeting;

	String username;

	Chromium chromium;

	@BeforeEach
	void aMeetingWhoseNoticeMailFailed() {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		String code = this.board.code().toLowerCase();
		this.member = this.organisation.addPerson("Eva", "Epost", "eva-" + code + "@example.se", null);
		this.organisation.addMembership(this.member.getId(), this.board.board().getId(), MembershipRole.MEMBER,
				LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31));
		LocalDateTime start = LocalDateTime.now(Sweden.ZONE).plusDays(10).withHour(10).withMinute(0).withSecond(0).withNano(0);
		this.meeting = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY, start, start.plusHours(2), null,
				"Teams");
		this.username = "mail-" + code;
		this.accounts.create(this.username, PASSWORD, EnumSet.of(Role.SECRETARY), this.board.secretary().getId());
		// The mail server is down when the notice goes out: the members are told in vain.
		mail.stop();
		this.dispatch.notifyNoticePublished(
				new NoticePublished(this.meeting.getId(), 1L, 1, this.board.board().getId()));
		this.chromium = new Chromium("http://localhost:" + this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.chromium.close();
		if (!mail.isRunning()) {
			mail.start();
		}
	}

	@Test
	void aFailedNoticeMailIsShownOnTheStartPageAndTheMeetingPageAndArrivesWhenTriedAgainWithTheServerBack()
			throws IOException {
		Page page = this.chromium.newPage();
		this.chromium.signIn(page, this.username, PASSWORD);
		String address = this.member.getEmail();
		Locator task = page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("E-post kunde inte levereras – försök igen"));
		assertThat(task).hasCount(1);
		assertThat(page.locator("ul.tasks li", new Page.LocatorOptions().setHasText("E-post kunde inte levereras")))
			.containsText("(1 meddelande)");
		this.chromium.checkAccessibility(page);

		task.click();
		assertThat(page).hasURL(java.util.regex.Pattern.compile("/meetings/" + this.meeting.getId() + "#failed-mail$"));
		Locator failures = page.locator("#failed-mail");
		assertThat(failures.getByRole(AriaRole.HEADING)).hasText("E-post kunde inte levereras");
		assertThat(failures).containsText("Kallelsen är publicerad");
		assertThat(failures).containsText(address);
		assertThat(failures).containsText("Försök: 1");
		this.chromium.checkAccessibility(page);
		Path shots = Files.createDirectories(Path.of("target", "screenshots"));
		page.setViewportSize(390, 844);
		page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("failed-mail-390.png")).setFullPage(true));
		// The failures wrap within a phone's width (the agenda table below is another matter).
		org.assertj.core.api.Assertions
			.assertThat(((Number) page.evaluate("document.getElementById('failed-mail').getBoundingClientRect().right"))
				.doubleValue())
			.isLessThanOrEqualTo(390);
		org.assertj.core.api.Assertions
			.assertThat((Boolean) page.evaluate("[...document.querySelectorAll('#failed-mail *')]"
					+ ".every(e => e.scrollWidth <= e.clientWidth || getComputedStyle(e).display === 'inline')"))
			.isTrue();
		page.setViewportSize(1280, 900);
		page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("failed-mail-1280.png")).setFullPage(true));

		// Still down: the mail stays, with one attempt more.
		Locator retry = failures.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Försök igen"));
		retry.click();
		assertThat(page.locator(".flash.error")).containsText("kunde fortfarande inte skickas");
		assertThat(page.locator("#failed-mail")).containsText("Försök: 2");
		this.chromium.checkAccessibility(page);

		// The server is back: the mail arrives and the failure is gone from both pages.
		mail.start();
		page.locator("#failed-mail").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Försök igen"))
			.click();
		assertThat(page.locator(".flash.success")).containsText("E-posten till " + address + " är skickad.");
		assertThat(page.locator("#failed-mail")).hasCount(0);
		this.chromium.checkAccessibility(page);
		org.assertj.core.api.Assertions.assertThat(Arrays.stream(mail.getReceivedMessages())
			.filter(m -> GreenMailUtil.getAddressList(recipients(m)).contains(address))
			.count()).isEqualTo(1);

		page.navigate("/");
		assertThat(task).hasCount(0);
		this.chromium.checkAccessibility(page);
		this.chromium.assertNoSeriousAccessibilityViolations();
	}

	private static jakarta.mail.Address[] recipients(jakarta.mail.internet.MimeMessage message) {
		try {
			return message.getAllRecipients();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}


}
