package se.paragraf.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

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
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.Confidentiality;

/**
 * A resident finds a board's meeting without logging in: from the start page to the board's
 * calendar, the meeting, its notice, the register with a withheld entry, a matter and the search;
 * every page passes axe-core.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicPortalBrowserTests {

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

	BoardWithPeople board;

	Meeting meeting;

	Matter open;

	Chromium chromium;

	@BeforeEach
	void aPublishedMeetingWithAnOpenAndASecretMatter() {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		this.meeting = this.planning.schedule(this.board.code(), MeetingKind.ORDINARY,
				LocalDateTime.of(2024, 5, 14, 10, 0), LocalDateTime.of(2024, 5, 14, 12, 0), null, "Teams");
		this.open = this.register.register(this.board.code(), "Ny telefoniplattform");
		this.register.writeReport(this.open.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
				List.of("Nämnden godkänner upphandlingen av telefoniplattformen."), "", "Avtalet löper ut.", "Inga.",
				this.board.caseOfficer().getId(), LocalDate.of(2024, 4, 20), List.of(new DecisionRecipient("Akten", false, null))),
				0);
		Matter secret = this.register.register(this.board.code(), "Säkerhetsincident hos leverantör");
		this.register.classify(secret.getId(), Confidentiality.confidential("18 kap. 8 §"),
				this.register.matter(secret.getId()).getVersion());
		this.planning.addMatter(this.meeting.getId(), version(), this.open.getId());
		this.planning.addMatter(this.meeting.getId(), version(), secret.getId());
		this.notices.publish(this.meeting.getId(), version());
		this.chromium = new Chromium("http://localhost:" + this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.chromium.close();
	}

	@Test
	void aResidentFollowsAMeetingFromTheStartPageToTheMatter() {
		Page page = this.chromium.newPage();
		page.navigate("/");
		this.chromium.checkAccessibility(page);

		page.navigate("/public/boards/" + this.board.code());
		this.chromium.checkAccessibility(page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("14 maj 2024")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("14 maj 2024");
		assertThat(page.locator("main")).containsText("Ny telefoniplattform");
		assertThat(page.locator("main")).containsText("Sekretess enligt 18 kap. 8 § OSL");
		assertThat(page.locator("main")).not().containsText("Säkerhetsincident");
		this.chromium.checkAccessibility(page);

		page.navigate("/public/meetings/" + this.meeting.getId() + "/notice");
		this.chromium.checkAccessibility(page);

		page.navigate("/public/register?board=" + this.board.code());
		assertThat(page.locator("main")).containsText("Uppgift undantagen enligt 18 kap. 8 § OSL");
		this.chromium.checkAccessibility(page);

		page.navigate("/public/matters/" + this.open.getId());
		assertThat(page.locator("main")).containsText("Ny telefoniplattform");
		this.chromium.checkAccessibility(page);

		page.navigate("/public/search?q=telefoniplattform");
		this.chromium.checkAccessibility(page);

		String municipality = this.organisation.municipality(this.board.board().getHostMunicipalityId()).getCode();
		page.navigate("/public/notice-boards/" + municipality);
		this.chromium.checkAccessibility(page);

		page.navigate("/public/accessibility");
		this.chromium.checkAccessibility(page);
		this.chromium.assertNoSeriousAccessibilityViolations();
	}

	private long version() {
		return this.planning.meeting(this.meeting.getId()).getVersion();
	}

}
