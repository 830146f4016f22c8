package se.paragraf.proceedings;

import se.paragraf.shared.Sweden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.Meetings;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.publication.NoticeBoard;
import se.paragraf.publication.PublicNotice;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;
import se.paragraf.shared.security.SignedIn;

/**
 * The start page per role: the chair and the checker find the minutes waiting for them ("Att
 * justera") and may read the draft they sign; the secretary sees her meetings' next deadlines; the
 * case officer the reports due for a meeting; a member the next meeting's notice; the public page
 * shows none of it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StartPageIntegrationTests {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	MockMvc mvc;

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
	NoticeBoard noticeBoard;

	ConductFixtures f;

	String suffix;

	@BeforeEach
	void heldMeetingWithADraft() {
		this.f = ConductFixtures.create(this.organisation, this.register, this.planning, this.meetings, null);
		this.f.holdMeeting(this.conduct, this.planning);
		this.certification.draw(id());
		this.suffix = PeopleFixtures.uniqueCode().toLowerCase();
	}

	@AfterEach
	void signOut() {
		SignedIn.out();
	}

	Long id() {
		return this.f.meeting().getId();
	}

	RequestPostProcessor account(String name, Role role, Long personId) {
		String username = name + "-" + this.suffix;
		this.accounts.create(username, PASSWORD, EnumSet.of(role), personId);
		return user(this.accounts.loadUserByUsername(username));
	}

	@Test
	void theChairAndTheCheckerFindTheMinutesToCertifyAndReadTheDraftTheySign() throws Exception {
		RequestPostProcessor chair = account("chair", Role.MEMBER, this.f.chair());
		RequestPostProcessor checker = account("checker", Role.MEMBER, this.f.member1());
		String signing = "/meetings/" + id() + "/minutes/signing";
		for (RequestPostProcessor signer : List.of(chair, checker)) {
			this.mvc.perform(get("/").with(signer))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Att justera")))
				.andExpect(content().string(containsString("href=\"" + signing + "\"")));
			this.mvc.perform(get(signing + "/draft.pdf").with(signer))
				.andExpect(status().isOk())
				.andExpect(content().contentType(MediaType.APPLICATION_PDF));
		}
		this.mvc.perform(get(signing).with(chair))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"" + signing + "/draft.pdf\"")));
	}

	@Test
	void minutesLeaveTheChairsListOnceSignedButStayOnTheCheckersUntilTheySign() throws Exception {
		RequestPostProcessor chair = account("chair", Role.MEMBER, this.f.chair());
		RequestPostProcessor checker = account("checker", Role.MEMBER, this.f.member1());
		SignedIn.as(this.accounts, "chair-" + this.suffix);
		this.certification.sign(id(), PASSWORD, null);
		SignedIn.out();
		String signing = "href=\"/meetings/" + id() + "/minutes/signing\"";
		this.mvc.perform(get("/").with(chair)).andExpect(content().string(not(containsString(signing))));
		this.mvc.perform(get("/").with(checker)).andExpect(content().string(containsString(signing)));
	}

	@Test
	void aMemberWhoDoesNotSignSeesNoMinutesToCertifyAndCannotReadTheDraft() throws Exception {
		RequestPostProcessor member = account("member", Role.MEMBER, this.f.member2());
		this.mvc.perform(get("/").with(member))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/meetings/" + id() + "/minutes/signing"))));
		this.mvc.perform(get("/meetings/{id}/minutes/signing/draft.pdf", id()).with(member))
			.andExpect(status().isForbidden());
	}

	@Test
	void theSecretaryIsNotAskedToPostACertificationTheNoticeBoardsAlreadyShow() throws Exception {
		for (String signer : List.of("chair", "checker")) {
			account(signer, Role.MEMBER, signer.equals("chair") ? this.f.chair() : this.f.member1());
			SignedIn.as(this.accounts, signer + "-" + this.suffix);
			this.certification.sign(id(), PASSWORD, null);
			SignedIn.out();
		}
		// The notice boards announce the certification after it has committed (posted on the day here).
		for (int i = 0; i < 100 && this.noticeBoard.notices(id()).isEmpty(); i++) {
			Thread.sleep(100);
		}
		assertThat(this.noticeBoard.notices(id())).isNotEmpty().allMatch(PublicNotice::isPosted);
		RequestPostProcessor secretary = account("secretary", Role.SECRETARY, this.f.board().secretary().getId());
		this.mvc.perform(get("/").with(secretary))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Anslå justeringen"))));
	}

	@Test
	void theSecretarySeesTheNextMeetingWithTheNoticeToPublish() throws Exception {
		Meeting next = this.planning.schedule(this.f.board().code(), MeetingKind.ORDINARY,
				LocalDateTime.now(Sweden.ZONE).plusDays(20).withHour(10).withMinute(0), LocalDateTime.now(Sweden.ZONE).plusDays(20).withHour(12),
				null, "Teams");
		RequestPostProcessor secretary = account("secretary", Role.SECRETARY, this.f.board().secretary().getId());
		this.mvc.perform(get("/").with(secretary))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sammanträden och tidsfrister")))
			.andExpect(content().string(containsString("href=\"/meetings/" + next.getId() + "\">Publicera kallelsen")));
	}

	@Test
	void theCaseOfficerSeesWhichReportIsDueForWhichMeeting() throws Exception {
		Meeting next = this.planning.schedule(this.f.board().code(), MeetingKind.ORDINARY,
				LocalDateTime.now(Sweden.ZONE).plusDays(20).withHour(10).withMinute(0), LocalDateTime.now(Sweden.ZONE).plusDays(20).withHour(12),
				null, "Teams");
		Matter matter = this.register.register(this.f.board().code(), "Taxor för kopiering 2025");
		this.register.writeReport(matter.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL, List.of(),
				"", "", "", this.f.board().caseOfficer().getId(), LocalDate.now(Sweden.ZONE), List.of()), 0);
		this.planning.addMatter(next.getId(), next.getVersion(), matter.getId());
		RequestPostProcessor officer = account("officer", Role.CASE_OFFICER, this.f.board().caseOfficer().getPersonId());
		this.mvc.perform(get("/").with(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tjänsteskrivelser till kommande sammanträden")))
			.andExpect(content().string(containsString("Taxor för kopiering 2025")))
			.andExpect(content().string(containsString("inte skriven ännu")));
	}

	@Test
	void aMemberSeesTheNextMeetingWithItsNotice() throws Exception {
		Meeting next = this.planning.schedule(this.f.board().code(), MeetingKind.ORDINARY,
				LocalDateTime.now(Sweden.ZONE).plusDays(20).withHour(10).withMinute(0), LocalDateTime.now(Sweden.ZONE).plusDays(20).withHour(12),
				null, "Teams");
		RequestPostProcessor member = account("member", Role.MEMBER, this.f.member2());
		this.mvc.perform(get("/").with(member))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nästa sammanträde")))
			.andExpect(content().string(containsString("Kallelsen är inte publicerad ännu")));
	}

	@Test
	void thePublicStartPageShowsNoDesk() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nämnder")))
			.andExpect(content().string(not(containsString("Att göra nu"))));
	}

}
