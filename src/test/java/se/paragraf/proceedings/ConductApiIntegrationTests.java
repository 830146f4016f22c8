package se.paragraf.proceedings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.EnumSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.Meetings;
import se.paragraf.shared.events.EventPublications;

/**
 * The conduct endpoints of the JSON API: the same rules as the page, role checks, conflicts on
 * stale versions, and the meeting JSON with attendance, decisions, minutes links and public notices.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConductApiIntegrationTests {

	static final RequestPostProcessor SECRETARY = user("sekreterare").roles("SECRETARY");

	static final RequestPostProcessor MEMBER = user("ledamot").roles("MEMBER");

	@Autowired
	MockMvc mvc;

	@Autowired
	EventPublications events;

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
	AccountService accounts;

	ConductFixtures f;

	@BeforeEach
	void meeting() {
		this.f = ConductFixtures.create(this.organisation, this.register, this.planning, this.meetings, null);
	}

	String attendance(long version) {
		return """
				{"version": %d, "othersPresent": "Anna Källsved", "attendance": [
				  {"personId": %d, "presence": "IN_PERSON"},
				  {"personId": %d, "presence": "REMOTE"},
				  {"personId": %d, "presence": "ABSENT"},
				  {"personId": %d, "presence": "IN_PERSON", "servingForPersonId": %d}]}
				""".formatted(version, this.f.chair(), this.f.member1(), this.f.member2(), this.f.substitute(),
				this.f.member2());
	}

	@Test
	void theSecretaryRecordsAttendanceAndASecondWriterWithTheSameVersionGetsAConflict() throws Exception {
		Long id = this.f.meeting().getId();
		this.mvc.perform(put("/api/v1/meetings/{id}/attendance", id).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(attendance(0)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.record.version").value(1))
			.andExpect(jsonPath("$.record.attendance", hasSize(4)))
			.andExpect(jsonPath("$.items[2].decision.quorum.reached").value(true));
		this.mvc.perform(put("/api/v1/meetings/{id}/attendance", id).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(attendance(0)))
			.andExpect(status().isConflict());
	}

	@Test
	void aDecisionWithoutQuorumIsRefusedWithAClearMessage() throws Exception {
		Long id = this.f.meeting().getId();
		this.mvc.perform(put("/api/v1/meetings/{id}/attendance", id).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"version": 0, "attendance": [{"personId": %d, "presence": "IN_PERSON"}]}
					""".formatted(this.f.chair())))
			.andExpect(status().isOk());
		Long item = this.f.matterItem(this.planning, this.f.budget()).getId();
		this.mvc.perform(put("/api/v1/meetings/{id}/agenda/{item}/decision", id, item).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 1, \"outcome\": \"APPROVED\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("inte beslutför")));
	}

	@Test
	void membersCannotRecordAndAnonymousCallersAreAskedToLogIn() throws Exception {
		Long id = this.f.meeting().getId();
		this.mvc.perform(put("/api/v1/meetings/{id}/attendance", id).with(MEMBER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(attendance(0)))
			.andExpect(status().isForbidden());
		this.mvc.perform(put("/api/v1/meetings/{id}/attendance", id).contentType(MediaType.APPLICATION_JSON)
			.content(attendance(0)))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(put("/api/v1/meetings/{id}/attendance", id).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"attendance\": [{\"presence\": \"MAYBE\"}]}"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theMeetingJsonShowsTheWholeChainOnceCertified() throws Exception {
		Long id = this.f.meeting().getId();
		this.f.holdMeeting(this.conduct, this.planning);
		String suffix = PeopleFixtures.uniqueCode().toLowerCase();
		this.accounts.create("apichair-" + suffix, "pw", EnumSet.of(Role.MEMBER), this.f.chair());
		this.accounts.create("apichecker-" + suffix, "pw", EnumSet.of(Role.MEMBER), this.f.member1());
		this.mvc.perform(post("/api/v1/meetings/{id}/minutes", id).with(SECRETARY)).andExpect(status().isCreated());
		this.mvc.perform(post("/api/v1/meetings/{id}/minutes/signatures", id).with(httpBasic("apichecker-" + suffix, "pw"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\": \"wrong\"}"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/api/v1/meetings/{id}/minutes/signatures", id).with(httpBasic("apichecker-" + suffix, "pw"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\": \"pw\"}"))
			.andExpect(status().isCreated());
		this.mvc.perform(post("/api/v1/meetings/{id}/minutes/signatures", id).with(httpBasic("apichair-" + suffix, "pw"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\": \"pw\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.minutes[0].state").value("CERTIFIED"));
		// The postings on the notice boards are the certification's reaction, after its commit.
		assertThat(this.events.awaitIdle(Duration.ofSeconds(60))).isTrue();
		this.mvc.perform(get("/api/v1/meetings/{id}", id).with(MEMBER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("MINUTES_CERTIFIED"))
			.andExpect(jsonPath("$.attendance", hasSize(4)))
			.andExpect(jsonPath("$.agenda[2].decision.outcome").value("APPROVED"))
			.andExpect(jsonPath("$.agenda[2].decision.section").value(3))
			.andExpect(jsonPath("$.agenda[3].decision.outcome").value("REFERRED"))
			.andExpect(jsonPath("$.links.minutes").value("/public/meetings/" + id + "/minutes"))
			.andExpect(jsonPath("$.links.minutesPdf").value("/public/meetings/" + id + "/minutes.pdf"))
			.andExpect(jsonPath("$.publicNotices", hasSize(2)))
			.andExpect(jsonPath("$.publicNotices[0].appealEndsOn").isNotEmpty());
		this.mvc.perform(get("/public/meetings/{id}/minutes.pdf", id)).andExpect(status().isOk());
		this.mvc.perform(get("/public/meetings/{id}/minutes", id))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("§ 3 Detaljbudget 2024")));
		this.mvc.perform(get("/public/meetings/{id}/minutes/sections/3.pdf", id)).andExpect(status().isOk());
		this.mvc.perform(post("/api/v1/meetings/{id}/minutes/signatures", id).with(httpBasic("apichair-" + suffix, "pw"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\": \"pw\"}"))
			.andExpect(status().isConflict());
	}

	@Test
	void draftMinutesAreNotPublic() throws Exception {
		Long id = this.f.meeting().getId();
		this.f.holdMeeting(this.conduct, this.planning);
		this.mvc.perform(post("/api/v1/meetings/{id}/minutes", id).with(SECRETARY)).andExpect(status().isCreated());
		this.mvc.perform(get("/public/meetings/{id}/minutes.pdf", id)).andExpect(status().isNotFound());
		this.mvc.perform(get("/public/meetings/{id}/minutes/1", id)).andExpect(status().isNotFound());
	}

	@Test
	void aMemberOptsOutOfNotificationsAndBackIn() throws Exception {
		String suffix = PeopleFixtures.uniqueCode().toLowerCase();
		this.accounts.create("optout-" + suffix, "pw", EnumSet.of(Role.MEMBER), this.f.member1());
		this.mvc.perform(put("/api/v1/me/notifications").with(httpBasic("optout-" + suffix, "pw"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": false}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(false));
		this.mvc.perform(put("/api/v1/me/notifications").with(httpBasic("optout-" + suffix, "pw"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(true));
		this.mvc.perform(put("/api/v1/me/notifications").with(MEMBER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": false}"))
			.andExpect(status().isConflict());
	}

}
