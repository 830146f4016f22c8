package se.paragraf.proceedings;

import se.paragraf.shared.Sweden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingFixtures;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.Meetings;
import se.paragraf.meetings.RecordState;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;
import se.paragraf.shared.security.SignedIn;

/**
 * Safety rails on the meeting's record: nobody begins it before the meeting's day (page and API),
 * and closing the meeting and the certifying signature each need an explicit confirmation.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConductSafetyIntegrationTests {

	static final RequestPostProcessor SECRETARY = user("sekreterare").roles("SECRETARY");

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

	ConductFixtures f;

	@BeforeEach
	void meeting() {
		this.f = ConductFixtures.create(this.organisation, this.register, this.planning, this.meetings, null);
	}

	@AfterEach
	void signOut() {
		SignedIn.out();
	}

	Meeting tomorrowsMeetingWithItsNoticeOut() {
		LocalDateTime start = LocalDateTime.now(Sweden.ZONE).plusDays(1).withHour(10).withMinute(0).withSecond(0).withNano(0);
		Meeting meeting = this.planning.schedule(this.f.board().code(), MeetingKind.ORDINARY, start, start.plusHours(2),
				null, "Teams");
		Meeting loaded = this.planning.meeting(meeting.getId());
		MeetingFixtures.noticePublished(loaded);
		return this.meetings.saveAndFlush(loaded);
	}

	@Test
	void theRecordCannotBeBegunThroughTheApiBeforeTheMeetingsDay() throws Exception {
		Long id = tomorrowsMeetingWithItsNoticeOut().getId();
		this.mvc.perform(put("/api/v1/meetings/{id}/attendance", id).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"version": 0, "attendance": [{"personId": %d, "presence": "IN_PERSON"}]}
					""".formatted(this.f.chair())))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("först på sammanträdesdagen")));
		assertThat(this.conduct.record(id)).isEmpty();
	}

	@Test
	void theConductPageSaysWhenTheMeetingCanBeRecordedAndRefusesTheRollCallBefore() throws Exception {
		Long id = tomorrowsMeetingWithItsNoticeOut().getId();
		this.mvc.perform(get("/meetings/{id}/conduct", id).with(SECRETARY))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("kan protokollföras först på sammanträdesdagen")));
		this.mvc.perform(post("/meetings/{id}/conduct/attendance", id).with(SECRETARY)
			.with(csrf())
			.param("version", "0")
			.param("presence_" + this.f.chair(), "IN_PERSON"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("kan protokollföras först på sammanträdesdagen")));
		assertThat(this.conduct.record(id)).isEmpty();
	}

	@Test
	void aMeetingOnItsDayCanBeRecorded() {
		Meeting today = this.planning.schedule(this.f.board().code(), MeetingKind.EXTRA,
				LocalDateTime.now(Sweden.ZONE).withHour(0).withMinute(1), LocalDateTime.now(Sweden.ZONE).withHour(23).withMinute(59), null, "Teams");
		Meeting loaded = this.planning.meeting(today.getId());
		MeetingFixtures.noticePublished(loaded);
		this.meetings.saveAndFlush(loaded);
		assertThat(this.conduct.recordAttendance(today.getId(), 0, this.f.allPresent(), null).getAttendance()).hasSize(4);
	}

	@Test
	void closingTheMeetingNeedsTheConfirmationTicked() throws Exception {
		Long id = this.f.meeting().getId();
		long v = this.conduct.recordAttendance(id, 0, this.f.allPresent(), null).getVersion();
		v = this.conduct.electCheckers(id, v, List.of(this.f.member1()), "Digitalt", LocalDateTime.of(2023, 12, 12, 9, 0))
			.getVersion();
		this.mvc.perform(post("/meetings/{id}/conduct/closing", id).with(SECRETARY)
			.with(csrf())
			.param("version", String.valueOf(v)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bekräfta att sammanträdet ska avslutas")));
		assertThat(this.conduct.record(id).orElseThrow().getState()).isEqualTo(RecordState.IN_PROGRESS);
	}

	@Test
	void theCertifyingSignatureNeedsTheConfirmationTicked() throws Exception {
		this.f.holdMeeting(this.conduct, this.planning);
		Long id = this.f.meeting().getId();
		Minutes draft = this.certification.draw(id);
		String username = "chair-" + PeopleFixtures.uniqueCode().toLowerCase();
		this.accounts.create(username, PASSWORD, EnumSet.of(Role.MEMBER), this.f.chair());
		RequestPostProcessor chair = user(this.accounts.loadUserByUsername(username));
		this.mvc.perform(post("/meetings/{id}/minutes/signatures", id).with(chair)
			.with(csrf())
			.param("password", PASSWORD)
			.param("sha256", draft.getPdfSha256()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bekräfta att du har läst protokollet")));
		assertThat(this.certification.latest(id).orElseThrow().getSignatures()).isEmpty();
		this.mvc.perform(post("/meetings/{id}/minutes/signatures", id).with(chair)
			.with(csrf())
			.param("password", PASSWORD)
			.param("sha256", draft.getPdfSha256())
			.param("confirmed", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.certification.latest(id).orElseThrow().getSignatures()).hasSize(1);
	}

}
