package se.paragraf.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
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
import se.paragraf.meetings.AgendaItemKind;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingFixtures;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.Meetings;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.people.Person;
import se.paragraf.proceedings.Attendance;
import se.paragraf.proceedings.Certification;
import se.paragraf.proceedings.DecisionOutcome;
import se.paragraf.proceedings.MeetingConduct;
import se.paragraf.proceedings.Presence;
import se.paragraf.proceedings.live.LiveMeeting;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * The digital meeting room with several people at once, each in a browser context of her own: a
 * secretary on the conduct screen, the chair and five members on the live page. They check in, ask
 * for the floor, vote from their own pages while the secretary watches the result live; a member who
 * declared a conflict of interest is refused; a member whose page closes mid-vote comes back to the
 * vote in progress; the decision reaches the minutes. Every page passes axe-core (issue 15).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveMeetingBrowserTests {

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
	Meetings meetings;

	@Autowired
	MeetingConduct conduct;

	@Autowired
	Certification certification;

	@Autowired
	AccountService accounts;

	@Autowired
	LiveMeeting live;

	BoardWithPeople board;

	Meeting meeting;

	Matter budget;

	List<Person> members = new ArrayList<>();

	String suffix;

	Chromium chromium;

	@BeforeEach
	void meetingWithFiveMembersAndAChair() {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		this.suffix = this.board.code().toLowerCase();
		for (int i = 3; i <= 5; i++) {
			Person person = this.organisation.addPerson("Ledamot" + i, this.board.code(), null, null);
			this.organisation.addMembership(person.getId(), this.board.board().getId(), MembershipRole.MEMBER,
					LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31));
		}
		this.meeting = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2023, 12, 5, 10, 0),
				LocalDateTime.of(2023, 12, 5, 12, 0), null, "Digitalt via Netpuplicator");
		this.budget = this.register.register(this.board.code(), "Detaljbudget 2024");
		this.register.writeReport(this.budget.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
				List.of("Nämnden godkänner driftdetaljbudgeten för 2024."), "", "Beskrivning.", "Inga.",
				this.board.caseOfficer().getId(), LocalDate.of(2023, 11, 21),
				List.of(new DecisionRecipient("Akten", false, null))), 0);
		this.planning.addMatter(this.meeting.getId(), this.planning.meeting(this.meeting.getId()).getVersion(),
				this.budget.getId());
		Meeting published = this.planning.meeting(this.meeting.getId());
		MeetingFixtures.noticePublished(published);
		this.meetings.saveAndFlush(published);
		this.organisation.seats(this.board.board().getId(), LocalDate.of(2023, 12, 5))
			.stream()
			.filter(s -> s.membership().getRole() == MembershipRole.MEMBER)
			.forEach(s -> this.members.add(s.person()));
		this.accounts.create("sek-" + this.suffix, PASSWORD, EnumSet.of(Role.SECRETARY), this.board.secretary().getId());
		this.accounts.create("ordf-" + this.suffix, PASSWORD, EnumSet.of(Role.MEMBER), this.board.chair().getId());
		for (int i = 0; i < this.members.size(); i++) {
			this.accounts.create("led" + i + "-" + this.suffix, PASSWORD, EnumSet.of(Role.MEMBER),
					this.members.get(i).getId());
		}
		this.chromium = new Chromium("http://localhost:" + this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.chromium.close();
	}

	private Page signIn(String username) {
		Page page = this.chromium.newPerson();
		this.chromium.signIn(page, username, PASSWORD);
		return page;
	}

	private String live() {
		return "/meetings/" + this.meeting.getId() + "/live";
	}

	private static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name).setExact(true);
	}

	@Test
	void theBoardMeetsLiveAndTheVoteReachesTheMinutes() {
		Long id = this.meeting.getId();
		// The five members open the room on their own devices and check in.
		List<Page> members = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Page page = signIn("led" + i + "-" + this.suffix);
			page.navigate(live());
			assertThat(page.locator("#live-status")).containsText("Ansluten");
			page.getByRole(AriaRole.BUTTON, named("Checka in: jag deltar på distans")).click();
			assertThat(page.locator("#check-in")).containsText("Du checkade in");
			members.add(page);
		}
		this.chromium.checkAccessibility(members.get(0));

		// The secretary sees who checked in and records the chair present in one click.
		Page secretary = signIn("sek-" + this.suffix);
		secretary.navigate("/meetings/" + id + "/conduct");
		assertThat(secretary.locator("#attendance")).containsText("incheckad");
		secretary.getByRole(AriaRole.BUTTON, named("Alla närvarande")).click();
		assertThat(secretary.locator("#live-state")).containsText("närvarande");
		this.chromium.checkAccessibility(secretary);

		// A member declares her conflict of interest in the budget before it is taken up.
		Page conflicted = members.get(4);
		conflicted.getByLabel("Jag anmäler jäv i ärende").selectOption(new com.microsoft.playwright.options.SelectOption()
			.setLabel(itemNumber() + ". Detaljbudget 2024"));
		conflicted.getByRole(AriaRole.BUTTON, named("Anmäl jäv")).click();
		assertThat(conflicted.locator(".live-agenda")).containsText("(jäv: " + this.members.get(4).getFullName() + ")");

		// The chair takes up the budget; a member asks for the floor and gets it.
		Page chair = signIn("ordf-" + this.suffix);
		chair.navigate(live());
		chair.getByRole(AriaRole.BUTTON, named("Ta upp Detaljbudget 2024")).click();
		assertThat(members.get(0).locator(".live-current")).containsText("Detaljbudget 2024");
		assertThat(members.get(0).locator("#live-state")).containsText("Jäv anmält: " + this.members.get(4).getFullName());
		members.get(0).getByRole(AriaRole.BUTTON, named("Begär ordet")).click();
		String speaker = this.members.get(0).getFullName();
		chair.getByRole(AriaRole.BUTTON, named("Ge ordet till " + speaker)).click();
		assertThat(members.get(1).locator(".live-speakers")).containsText("har ordet");
		assertThat(secretary.locator(".live-speakers")).containsText(speaker);
		this.chromium.checkAccessibility(chair);

		// The chair opens the vote; members vote from their own pages; the secretary sees it live.
		chair.getByRole(AriaRole.BUTTON, named("Öppna omröstning")).click();
		for (Page member : members) {
			assertThat(member.locator("#live-state")).containsText("Omröstning pågår");
		}
		this.chromium.checkAccessibility(members.get(1));
		// On a phone the room fits without scrolling sideways.
		Page phone = members.get(2);
		phone.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/live-member-desktop.png")).setFullPage(true));
		phone.setViewportSize(390, 844);
		org.assertj.core.api.Assertions.assertThat((Integer) phone.evaluate("() => document.documentElement.scrollWidth"))
			.isLessThanOrEqualTo(390);
		phone.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/live-member-390.png")).setFullPage(true));
		this.chromium.checkAccessibility(phone);
		vote(chair, "Ja");
		vote(members.get(0), "Ja");
		vote(members.get(2), "Ja");
		vote(members.get(3), "Nej");
		assertThat(secretary.locator(".live-result")).containsText("3 ja, 1 nej, 0 avstår");
		vote(conflicted, "Ja");
		assertThat(conflicted.locator("#htmx-status")).containsText("jäv");

		// A member's tablet sleeps mid-vote: the page closes, a new one comes back to the vote in progress.
		members.get(1).close();
		Page back = members.get(1).context().newPage();
		back.navigate(live());
		assertThat(back.locator("#live-state")).containsText("Omröstning pågår");
		vote(back, "Ja");
		assertThat(secretary.locator(".live-result")).containsText("4 ja, 1 nej, 0 avstår");

		chair.getByRole(AriaRole.BUTTON, named("Avsluta omröstningen")).click();
		assertThat(back.locator("#live-state")).containsText("Omröstning avslutad");
		assertThat(back.locator("#live-state")).containsText("Bifall");
		assertThat(secretary.locator("#live-state")).containsText("Omröstning: 4 ja, 1 nej, 0 avstår");
		secretary.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/live-conduct-desktop.png")).setFullPage(true));
		chair.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/live-chair-desktop.png")).setFullPage(true));
		this.chromium.checkAccessibility(secretary);

		// The rest of the meeting as the secretary records it; the vote stands in the minutes.
		long v = this.conduct.record(id).orElseThrow().getVersion();
		v = this.conduct.electCheckers(id, v, List.of(this.members.get(0).getId()), "Digitalt",
				LocalDateTime.of(2023, 12, 12, 9, 0)).getVersion();
		for (AgendaItem item : this.planning.meeting(id).getAgenda()) {
			boolean decided = this.conduct.record(id).orElseThrow().decisionOn(item.getId())
				.map(d -> d.isRecorded()).orElse(false);
			if (!decided) {
				v = this.conduct.decide(id, v, item.getId(), MeetingConduct.DecisionCommand.of(
						item.getKind() == AgendaItemKind.MATTER ? DecisionOutcome.APPROVED : DecisionOutcome.NOTED))
					.getVersion();
			}
		}
		this.conduct.close(id, v);
		String minutes = this.certification.draw(id).getOfficialHtml();
		org.assertj.core.api.Assertions.assertThat(minutes).contains("4 ja, 1 nej, 0 avstår", speaker,
				"driftdetaljbudgeten");
		this.chromium.assertNoSeriousAccessibilityViolations();
	}

	/**
	 * A refused action says why even when the room changed while it was under way: the state pushed
	 * meanwhile replaces the button that sent it, and the answer must still reach the page.
	 */
	@Test
	void aRefusedVoteSaysWhyEvenWhenTheRoomChangedMeanwhile() {
		Long id = this.meeting.getId();
		Long budgetItem = this.planning.meeting(id).getAgenda().stream()
			.filter(i -> this.budget.getId().equals(i.getMatterId())).findFirst().orElseThrow().getId();
		List<Attendance> present = new ArrayList<>();
		present.add(new Attendance(this.board.chair().getId(), Presence.IN_PERSON, null, null, null));
		this.members.forEach(m -> present.add(new Attendance(m.getId(), Presence.IN_PERSON, null, null, null)));
		long v = this.conduct.recordAttendance(id, 0, present, null).getVersion();
		Person conflicted = this.members.get(4);
		this.conduct.declareConflicts(id, v, budgetItem, List.of(conflicted.getId()));
		Page chair = signIn("ordf-" + this.suffix);
		chair.navigate(live());
		chair.getByRole(AriaRole.BUTTON, named("Ta upp Detaljbudget 2024")).click();
		chair.getByRole(AriaRole.BUTTON, named("Öppna omröstning")).click();
		Page member = signIn("led4-" + this.suffix);
		member.navigate(live());
		assertThat(member.locator("#live-state")).containsText("Omröstning pågår");
		String shown = member.locator("#live-state").getAttribute("data-sequence");
		// The ballot is held on its way to the server until the room has changed on the member's page.
		List<Route> held = new ArrayList<>();
		member.route(url -> url.contains("/ballots"), held::add);

		vote(member, "Ja");
		member.waitForCondition(() -> !held.isEmpty());
		this.live.changed(id);
		assertThat(member.locator("#live-state")).not().hasAttribute("data-sequence", shown);
		held.get(0).resume();

		assertThat(member.locator("#htmx-status")).containsText("jäv");
	}

	private static void vote(Page page, String choice) {
		page.locator(".live-ballot")
			.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(choice).setExact(true))
			.click();
	}

	private int itemNumber() {
		Meeting current = this.planning.meeting(this.meeting.getId());
		return current.getAgenda().stream().filter(i -> this.budget.getId().equals(i.getMatterId()))
			.mapToInt(current::numberOf).findFirst().orElseThrow();
	}

}
