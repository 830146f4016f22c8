package se.paragraf.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.paragraf.matters.DecisionRecipient;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.meetings.AgendaItem;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.people.Person;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * A secretary runs a meeting on the conduct screen from roll call to closing, draws up the
 * minutes, and the chair and the checker each find them under "Att justera" on their start page and
 * certify them on the signing page one click away; the certification is
 * then posted on both partner municipalities' boards. Every page passes axe-core.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConductBrowserTests {

	private static final String PASSWORD = "browser-test-password";

	@LocalServerPort
	int port;

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	NoticePublication notices;

	@Autowired
	AccountService accounts;

	@Autowired
	se.paragraf.shared.events.EventPublications events;

	BoardWithPeople board;

	Meeting meeting;

	List<Person> members;

	String suffix;

	Chromium chromium;

	@BeforeEach
	void meetingWithPublishedNotice() {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		this.suffix = this.board.code().toLowerCase();
		this.meeting = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2023, 12, 5, 10, 0),
				LocalDateTime.of(2023, 12, 5, 12, 0), null, "Netpuplicator");
		Matter budget = this.register.register(this.board.code(), "Detaljbudget 2024");
		this.register.writeReport(budget.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
				List.of("Nämnden godkänner driftdetaljbudgeten för 2024."), "", "Beskrivning.", "Inga.",
				this.board.caseOfficer().getId(), LocalDate.of(2023, 11, 21),
				List.of(new DecisionRecipient("Akten", false, null))),
				0);
		this.planning.addMatter(this.meeting.getId(), this.planning.meeting(this.meeting.getId()).getVersion(),
				budget.getId());
		this.notices.publish(this.meeting.getId(), this.planning.meeting(this.meeting.getId()).getVersion());
		this.members = this.organisation.seats(this.board.board().getId(), LocalDate.of(2023, 12, 5))
			.stream()
			.filter(s -> s.membership().getRole() == MembershipRole.MEMBER)
			.map(s -> s.person())
			.toList();
		this.accounts.create("sek-" + this.suffix, PASSWORD, EnumSet.of(Role.SECRETARY), this.board.secretary().getId());
		this.accounts.create("ordf-" + this.suffix, PASSWORD, EnumSet.of(Role.MEMBER), this.board.chair().getId());
		this.accounts.create("just-" + this.suffix, PASSWORD, EnumSet.of(Role.MEMBER), this.members.get(0).getId());
		this.chromium = new Chromium("http://localhost:" + this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.chromium.close();
	}

	@Test
	void aMeetingRunsFromRollCallToCertification() {
		Page page = this.chromium.newPage();
		this.chromium.signIn(page, "sek-" + this.suffix, PASSWORD);
		page.navigate("/meetings/" + this.meeting.getId());
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Genomför sammanträdet och protokollet")).click();
		assertThat(page.locator("h1")).containsText("Sammanträde");
		this.chromium.checkAccessibility(page);

		// Roll call: the chair and one member present, the other member absent with the substitute serving.
		String chair = this.board.chair().getFullName();
		String checker = this.members.get(0).getFullName();
		String absent = this.members.get(1).getFullName();
		String substitute = this.board.substitute().getFullName();
		page.getByLabel("Närvaro för " + chair).selectOption("IN_PERSON");
		page.getByLabel("Närvaro för " + checker).selectOption("REMOTE");
		page.getByLabel("Närvaro för " + absent).selectOption("ABSENT");
		page.getByLabel("Närvaro för " + substitute).selectOption("IN_PERSON");
		page.getByLabel(substitute + " tjänstgör för").selectOption(new com.microsoft.playwright.options.SelectOption()
			.setLabel(absent));
		page.getByLabel("Övriga närvarande").fill("Handläggare, IT-chef");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara närvaro")).click();
		assertThat(page.locator("#quorum tbody")).not().containsText("Nej");

		page.locator("#checkers").getByLabel(checker).check();
		page.getByLabel("Plats för justering").fill("Stadshuset");
		page.getByLabel("Tid för justering").fill("2023-12-12T09:00");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Välj justerare")).click();
		assertThat(page.locator("#items")).containsText("väljs " + checker);

		List<AgendaItem> agenda = this.planning.meeting(this.meeting.getId()).getAgenda();
		decide(page, agenda.get(1), 2, "NOTED");
		decide(page, agenda.get(2), 3, "APPROVED");
		assertThat(page.locator("#item-" + agenda.get(2).getId())).containsText("godkänner driftdetaljbudgeten");
		decide(page, agenda.get(3), 4, "NOTED");
		this.chromium.checkAccessibility(page);

		page.getByLabel("Jag har gått igenom besluten och vill avsluta sammanträdet (paragraferna numreras)").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Avsluta och numrera paragraferna")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upprätta protokollet")).click();
		assertThat(page.locator("#minutes")).containsText("Under justering");

		String signing = "/meetings/" + this.meeting.getId() + "/minutes/signing";
		for (String signer : List.of("ordf-", "just-")) {
			page.context().clearCookies();
			this.chromium.signIn(page, signer + this.suffix, PASSWORD);
			// Each signer finds the minutes under "Att justera" on the start page, one click from signing.
			page.navigate("/");
			assertThat(page.locator("#desk-to-sign")).hasText("Att justera");
			Locator toSign = page.locator(".desk a[href='" + signing + "']");
			assertThat(toSign).containsText("Justera protokollet");
			this.chromium.checkAccessibility(page);
			toSign.click();
			assertThat(page).hasURL("http://localhost:" + this.port + signing);
			this.chromium.checkAccessibility(page);
			page.getByLabel("Ditt lösenord (bekräfta din identitet)").fill(PASSWORD);
			page.getByLabel("Jag har läst protokollet och justerar det. En justering kan inte ångras.").check();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Signera protokollet")).click();
			assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Din signatur är registrerad");
		}
		assertThat(page.locator("main")).containsText("Protokollet är justerat.");
		page.navigate("/");
		// Nothing left to sign.
		assertThat(page.locator(".desk a[href='" + signing + "']")).hasCount(0);
		// The postings and the dispatch follow the certification's commit on the event executor.
		org.assertj.core.api.Assertions.assertThat(this.events.awaitIdle(java.time.Duration.ofSeconds(60))).isTrue();

		page.context().clearCookies();
		this.chromium.signIn(page, "sek-" + this.suffix, PASSWORD);
		page.navigate("/meetings/" + this.meeting.getId() + "/conduct");
		Locator notices = page.locator("#notices tbody tr");
		assertThat(notices).hasCount(2);
		assertThat(page.locator("#dispatch")).containsText("Akten");
		this.chromium.checkAccessibility(page);
		page.navigate("/notice-boards");
		this.chromium.checkAccessibility(page);
		String code = this.organisation.municipality(this.board.board().getHostMunicipalityId()).getCode();
		page.navigate("/public/notice-boards/" + code);
		assertThat(page.locator("main")).containsText(this.board.board().getName());
		this.chromium.checkAccessibility(page);
		this.chromium.assertNoSeriousAccessibilityViolations();
	}

	private static void decide(Page page, AgendaItem item, int number, String outcome) {
		Locator section = page.locator("#item-" + item.getId());
		section.getByLabel("Beslut", new Locator.GetByLabelOptions().setExact(true)).selectOption(outcome);
		section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Spara beslut i ärende " + number))
			.click();
		assertThat(page.locator("#item-" + item.getId() + " > p strong").first()).isVisible();
	}

}
