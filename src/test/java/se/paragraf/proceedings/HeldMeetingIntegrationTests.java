package se.paragraf.proceedings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;
import se.paragraf.shared.security.SignedIn;
import se.paragraf.meetings.AgendaItem;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingFixtures;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.MeetingStatus;
import se.paragraf.meetings.Meetings;
import se.paragraf.meetings.NoticePublication;

/**
 * Once a meeting is under way, what its minutes record is fixed: its date and place, its agenda, the
 * items' secrecy and its notice. The record itself changes while the meeting is held and, after
 * certification, only by a correction of the minutes. Refusals are 409 with a Swedish message in
 * the API and an error on the secretary's pages, and nothing changes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HeldMeetingIntegrationTests {

	private static final RequestPostProcessor SECRETARY = user("sekreterare").roles("SECRETARY");

	private static final String PASSWORD = "correct horse battery";

	private static final String CERTIFIED = "Protokollet är justerat.";

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
	NoticePublication notices;

	@Autowired
	AccountService accounts;

	ConductFixtures f;

	@BeforeEach
	void meeting() {
		this.f = ConductFixtures.create(this.organisation, this.register, this.planning, this.meetings, null);
	}

	@AfterEach
	void signOut() {
		SignedIn.out();
	}

	@Test
	void certifiedMeetingCannotBeRescheduled() throws Exception {
		certify();
		long version = version();
		this.mvc.perform(put("/api/v1/meetings/{id}", id()).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"start": "2023-12-06T13:00:00", "end": "2023-12-06T15:00:00", "place": "Sessionssalen",
					 "version": %d}""".formatted(version)))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString(CERTIFIED)));
		Meeting meeting = this.planning.meeting(id());
		assertThat(meeting.getStart()).isEqualTo(LocalDateTime.of(2023, 12, 5, 10, 0));
		assertThat(meeting.getPlace()).isNull();
		assertThat(meeting.getVersion()).isEqualTo(version);
		// So the public views cannot contradict the sealed minutes.
		assertThat(body("/public/meetings/" + id())).doesNotContain("Sessionssalen").doesNotContain("2023-12-06");
		assertThat(body("/public/calendar/boards/" + this.f.board().code() + ".ics")).doesNotContain("Sessionssalen")
			.doesNotContain("20231206");
		assertThat(body("/oparl/v1/meeting/" + id())).doesNotContain("Sessionssalen").doesNotContain("2023-12-06");
	}

	@Test
	void certifiedMeetingCannotBeRescheduledOnThePage() throws Exception {
		certify();
		this.mvc.perform(post("/meetings/{id}", id()).with(SECRETARY).with(csrf())
			.param("board", this.f.board().code())
			.param("kind", "ORDINARY")
			.param("date", "2023-12-06")
			.param("from", "13:00")
			.param("to", "15:00")
			.param("place", "Sessionssalen")
			.param("version", String.valueOf(version())))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", containsString(CERTIFIED)));
		assertThat(this.planning.meeting(id()).getStart()).isEqualTo(LocalDateTime.of(2023, 12, 5, 10, 0));
	}

	@Test
	void certifiedMeetingCannotBeCancelled() {
		certify();
		assertThatThrownBy(() -> this.planning.cancel(id(), version())).isInstanceOf(RuleViolation.class)
			.hasMessage("meeting.sealed.certified");
		assertThat(this.planning.meeting(id()).getStatus()).isEqualTo(MeetingStatus.MINUTES_CERTIFIED);
	}

	@Test
	void certifiedMeetingAgendaCannotBeAddedTo() throws Exception {
		certify();
		Matter late = this.register.register(this.f.board().code(), "Sent ärende");
		int items = agendaSize();
		this.mvc.perform(post("/api/v1/meetings/{id}/agenda", id()).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"matterId\": " + late.getId() + ", \"version\": " + version() + "}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString(CERTIFIED)));
		this.mvc.perform(post("/meetings/{id}/agenda", id()).with(SECRETARY).with(csrf())
			.param("version", String.valueOf(version()))
			.param("oralInformation", "Sen information"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", containsString(CERTIFIED)));
		assertThat(agendaSize()).isEqualTo(items);
	}

	@Test
	void certifiedMeetingAgendaCannotBeReordered() throws Exception {
		certify();
		List<Long> order = this.planning.meeting(id()).getAgenda().stream().map(AgendaItem::getId).toList();
		List<Long> swapped = List.of(order.get(0), order.get(1), order.get(3), order.get(2), order.get(4));
		this.mvc.perform(put("/api/v1/meetings/{id}/agenda", id()).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemIds\": " + swapped + ", \"version\": " + version() + "}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString(CERTIFIED)));
		this.mvc.perform(post("/meetings/{id}/agenda/{item}/move", id(), order.get(3)).with(SECRETARY).with(csrf())
			.param("version", String.valueOf(version()))
			.param("to", "3"))
			.andExpect(flash().attribute("error", containsString(CERTIFIED)));
		assertThat(this.planning.meeting(id()).getAgenda().stream().map(AgendaItem::getId).toList()).isEqualTo(order);
	}

	@Test
	void certifiedMeetingItemSecrecyCannotBeChanged() throws Exception {
		certify();
		Long item = this.f.matterItem(this.planning, this.f.budget()).getId();
		this.mvc.perform(put("/api/v1/meetings/{id}/agenda/{item}/confidentiality", id(), item).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"confidential\": true, \"legalGround\": \"21 kap. 1 §\", \"version\": " + version() + "}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString(CERTIFIED)));
		this.mvc.perform(post("/meetings/{id}/agenda/{item}/confidentiality", id(), item).with(SECRETARY).with(csrf())
			.param("version", String.valueOf(version()))
			.param("confidential", "true")
			.param("legalGround", "21 kap. 1 §"))
			.andExpect(flash().attribute("error", containsString(CERTIFIED)));
		assertThat(this.f.matterItem(this.planning, this.f.budget()).getConfidentiality().isConfidential()).isFalse();
	}

	@Test
	void certifiedMeetingGetsNoNewNoticeVersion() throws Exception {
		certify();
		int published = this.notices.versions(id()).size();
		this.mvc.perform(post("/api/v1/meetings/{id}/notices", id()).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": " + version() + "}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString(CERTIFIED)));
		this.mvc.perform(post("/meetings/{id}/notices", id()).with(SECRETARY).with(csrf()).param("confirmed", "true")
			.param("version", String.valueOf(version())))
			.andExpect(flash().attribute("error", containsString(CERTIFIED)));
		assertThat(this.notices.versions(id())).hasSize(published);
	}

	@Test
	void certifiedMeetingPageOffersNoChangesAndSaysWhy() throws Exception {
		certify();
		this.mvc.perform(get("/meetings/{id}", id()).with(SECRETARY))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(CERTIFIED)))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/notices\" method=\"post\""))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"oralInformation\""))));
	}

	@Test
	void certifiedConductPageShowsTheRecordAsTextWithNoFieldsToEdit() throws Exception {
		certify();
		this.mvc.perform(get("/meetings/{id}/conduct", id()).with(SECRETARY))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Anna Källsved, IT-chef</span>")))
			.andExpect(content().string(containsString("<dd>Digitalt</dd>")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"presence_"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"othersPresent\""))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"checkers\""))));
	}

	@Test
	void decidedAgendaItemCannotBeRemoved() throws Exception {
		long v = this.conduct.recordAttendance(id(), 0, this.f.allPresent(), null).getVersion();
		Long budget = this.f.matterItem(this.planning, this.f.budget()).getId();
		this.conduct.decide(id(), v, budget, MeetingConduct.DecisionCommand.of(DecisionOutcome.APPROVED));
		int items = agendaSize();
		this.mvc.perform(delete("/api/v1/meetings/{id}/agenda/{item}", id(), budget).param("version",
				String.valueOf(version())).with(SECRETARY))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("kan inte tas bort")));
		this.mvc.perform(post("/meetings/{id}/agenda/{item}/removal", id(), budget).with(SECRETARY).with(csrf())
			.param("version", String.valueOf(version())))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", containsString("kan inte tas bort")));
		assertThat(agendaSize()).isEqualTo(items);
	}

	@Test
	void meetingUnderWayCannotBeRescheduledOrGetANewNotice() throws Exception {
		this.conduct.recordAttendance(id(), 0, this.f.allPresent(), null);
		int published = this.notices.versions(id()).size();
		rescheduleViaApi().andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("Sammanträdet pågår.")));
		this.mvc.perform(post("/api/v1/meetings/{id}/notices", id()).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": " + version() + "}"))
			.andExpect(status().isConflict());
		this.mvc.perform(post("/api/v1/meetings/{id}/agenda", id()).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"oralInformation\": \"Sen information\", \"version\": " + version() + "}"))
			.andExpect(status().isConflict());
		assertThat(this.notices.versions(id())).hasSize(published);
		assertThat(this.planning.meeting(id()).getStart()).isEqualTo(LocalDateTime.of(2023, 12, 5, 10, 0));
	}

	@Test
	void extraItemsAreStillTakenUpDuringTheMeeting() throws Exception {
		long v = this.conduct.recordAttendance(id(), 0, this.f.allPresent(), null).getVersion();
		Matter extra = this.register.register(this.f.board().code(), "Brådskande ärende");
		int items = agendaSize();
		this.mvc.perform(post("/api/v1/meetings/{id}/extra-items", id()).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"matterId\": " + extra.getId() + ", \"version\": " + v + "}"))
			.andExpect(status().is2xxSuccessful());
		assertThat(agendaSize()).isEqualTo(items + 1);
	}

	@Test
	void closedMeetingCannotBeRescheduled() throws Exception {
		this.f.holdMeeting(this.conduct, this.planning);
		rescheduleViaApi().andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("Sammanträdet är avslutat.")));
		assertThat(this.planning.meeting(id()).getStart()).isEqualTo(LocalDateTime.of(2023, 12, 5, 10, 0));
	}

	@Test
	void aCorrectionOfTheMinutesChangesTheRecordButNotTheMeeting() throws Exception {
		certify();
		MeetingRecord record = this.conduct.record(id()).orElseThrow();
		long v = this.certification.correct(id(), record.getVersion(), "Fel i beslutstexten.").getVersion();
		rescheduleViaApi().andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("Protokollet är under rättelse.")));
		Long budget = this.f.matterItem(this.planning, this.f.budget()).getId();
		this.mvc.perform(put("/api/v1/meetings/{id}/agenda/{item}/decision", id(), budget).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\": \"APPROVED\", \"text\": \"Nämnden godkänner budgeten.\", \"version\": " + v + "}"))
			.andExpect(status().isOk());
		assertThat(this.certification.draw(id()).getHtml()).contains("Nämnden godkänner budgeten.");
	}

	@Test
	void matterCannotBeReferredToAMeetingUnderWay() {
		Meeting later = this.planning.meeting(this.f.later().getId());
		MeetingFixtures.noticePublished(later);
		this.meetings.saveAndFlush(later);
		this.conduct.recordAttendance(later.getId(), 0, this.f.allPresent(), null);
		long v = this.conduct.recordAttendance(id(), 0, this.f.allPresent(), null).getVersion();
		Long schedule = this.f.matterItem(this.planning, this.f.schedule()).getId();
		assertThatThrownBy(() -> this.conduct.decide(id(), v, schedule,
				new MeetingConduct.DecisionCommand(DecisionOutcome.REFERRED, null, null, later.getId(), null, null, null)))
			.isInstanceOfSatisfying(RuleViolation.class, r -> assertThat(r.field()).isEqualTo("referredMeetingId"))
			.hasMessage("conduct.decision.meetingHeld");
		assertThat(this.planning.meeting(later.getId()).getAgenda()).noneMatch(i -> this.f.schedule().getId()
			.equals(i.getMatterId()));
	}

	private ResultActions rescheduleViaApi() throws Exception {
		return this.mvc.perform(put("/api/v1/meetings/{id}", id()).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"start": "2023-12-06T13:00:00", "end": "2023-12-06T15:00:00", "place": "Sessionssalen",
					 "version": %d}""".formatted(version())));
	}

	private void certify() {
		this.f.holdMeeting(this.conduct, this.planning);
		String suffix = PeopleFixtures.uniqueCode().toLowerCase();
		this.accounts.create("heldchair-" + suffix, PASSWORD, EnumSet.of(Role.MEMBER), this.f.chair());
		this.accounts.create("heldchecker-" + suffix, PASSWORD, EnumSet.of(Role.MEMBER), this.f.member1());
		this.certification.draw(id());
		SignedIn.as(this.accounts, "heldchair-" + suffix);
		this.certification.sign(id(), PASSWORD, null);
		SignedIn.as(this.accounts, "heldchecker-" + suffix);
		this.certification.sign(id(), PASSWORD, null);
		SignedIn.out();
		assertThat(this.planning.meeting(id()).getStatus()).isEqualTo(MeetingStatus.MINUTES_CERTIFIED);
	}

	private String body(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private Long id() {
		return this.f.meeting().getId();
	}

	private long version() {
		return this.planning.meeting(id()).getVersion();
	}

	private int agendaSize() {
		return this.planning.meeting(id()).getAgenda().size();
	}

}
