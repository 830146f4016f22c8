package se.paragraf.proceedings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Organisation;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.Meetings;

/**
 * The secretary's conduct screen: roll call, decisions, quorum refusal, a conflict that keeps the
 * second secretary's input, and the notice board pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConductPageIntegrationTests {

	static final RequestPostProcessor SECRETARY = user("sekreterare").roles("SECRETARY");

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

	ConductFixtures f;

	@BeforeEach
	void meeting() {
		this.f = ConductFixtures.create(this.organisation, this.register, this.planning, this.meetings, null);
	}

	@Test
	void theSecretaryTakesTheRollCallOnTheScreen() throws Exception {
		Long id = this.f.meeting().getId();
		this.mvc.perform(get("/meetings/{id}/conduct", id).with(SECRETARY))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Närvaro")))
			.andExpect(content().string(containsString("Beslutförhet per ärende")));
		this.mvc.perform(post("/meetings/{id}/conduct/attendance", id).with(SECRETARY)
			.with(csrf())
			.param("version", "0")
			.param("presence_" + this.f.chair(), "IN_PERSON")
			.param("presence_" + this.f.member1(), "REMOTE")
			.param("presence_" + this.f.member2(), "ABSENT")
			.param("presence_" + this.f.substitute(), "IN_PERSON")
			.param("servingFor_" + this.f.substitute(), String.valueOf(this.f.member2()))
			.param("othersPresent", "Anna Källsved"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/meetings/" + id + "/conduct#attendance"));
		MeetingRecord record = this.conduct.record(id).orElseThrow();
		assertThat(record.getAttendance()).hasSize(4);
		assertThat(record.attendanceOf(this.f.substitute()).orElseThrow().servingForPersonId())
			.isEqualTo(this.f.member2());
	}

	@Test
	void aSecondSecretaryWithAnOlderVersionGetsAConflictAndKeepsTheInput() throws Exception {
		Long id = this.f.meeting().getId();
		this.conduct.recordAttendance(id, 0, this.f.allPresent(), null);
		this.mvc.perform(post("/meetings/{id}/conduct/attendance", id).with(SECRETARY)
			.with(csrf())
			.param("version", "0")
			.param("presence_" + this.f.chair(), "ABSENT")
			.param("othersPresent", "Min egen anteckning"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("En annan sekreterare har ändrat")))
			.andExpect(content().string(containsString("Min egen anteckning")));
		assertThat(this.conduct.record(id).orElseThrow().getAttendance()).hasSize(4);
	}

	@Test
	void aDecisionWithoutQuorumIsRefusedOnTheScreen() throws Exception {
		Long id = this.f.meeting().getId();
		Long item = this.f.matterItem(this.planning, this.f.budget()).getId();
		this.mvc.perform(post("/meetings/{id}/conduct/items/{item}/decision", id, item).with(SECRETARY)
			.with(csrf())
			.param("version", "0")
			.param("outcome", "APPROVED")
			.param("text", "Mitt beslut"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("inte beslutför")))
			.andExpect(content().string(containsString("Mitt beslut")));
	}

	@Test
	void aHeldMeetingShowsTheMinutesAndTheSigningPage() throws Exception {
		Long id = this.f.meeting().getId();
		this.f.holdMeeting(this.conduct, this.planning);
		this.mvc.perform(post("/meetings/{id}/minutes", id).with(SECRETARY).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/meetings/{id}/conduct", id).with(SECRETARY))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Under justering")));
		this.mvc.perform(get("/meetings/{id}/minutes/draft", id).with(SECRETARY))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("§ 3 Detaljbudget 2024")));
		this.mvc.perform(get("/meetings/{id}/minutes/signing", id).with(user("ledamot").roles("MEMBER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Signera protokollet")));
		this.mvc.perform(post("/meetings/{id}/minutes/signatures", id).with(user("ledamot").roles("MEMBER"))
			.with(csrf())
			.param("password", "x")
			.param("confirmed", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Logga in för att signera")));
	}

	@Test
	void theNoticeBoardPagesAnswer() throws Exception {
		this.mvc.perform(get("/notice-boards").with(SECRETARY)).andExpect(status().isOk());
		String code = this.organisation.municipality(this.f.board().board().getHostMunicipalityId()).getCode();
		this.mvc.perform(get("/public/notice-boards/{code}", code))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Anslagstavla")));
	}

}
