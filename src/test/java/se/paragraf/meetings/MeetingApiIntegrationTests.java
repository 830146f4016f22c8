package se.paragraf.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;

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
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;

/**
 * The meetings API as a client meets it: the documented JSON, problem+json for bad input, 404 for
 * unknown ids, 409 for a stale version, public notices readable without login.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MeetingApiIntegrationTests {

	private static final RequestPostProcessor SECRETARY = user("sekreterare").roles("SECRETARY");

	private static final RequestPostProcessor MEMBER = user("ledamot").roles("MEMBER");

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	MeetingPlanning planning;

	String board;

	Meeting meeting;

	Matter matter;

	@BeforeEach
	void meeting() {
		this.board = PeopleFixtures.jointBoard(this.organisation).code();
		this.meeting = this.planning.schedule(this.board, MeetingKind.ORDINARY, LocalDateTime.of(2023, 12, 5, 10, 0),
				LocalDateTime.of(2023, 12, 5, 12, 0), null, "Netpuplicator");
		this.matter = this.register.register(this.board, "Detaljbudget 2024");
	}

	@Test
	void listsABoardsMeetingsOfAYear() throws Exception {
		this.mvc.perform(get("/api/v1/boards/{code}/meetings", this.board).param("year", "2023").with(MEMBER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(this.meeting.getId()))
			.andExpect(jsonPath("$[0].start").value("2023-12-05T10:00:00"))
			.andExpect(jsonPath("$[0].end").value("2023-12-05T12:00:00"))
			.andExpect(jsonPath("$[0].place").value("Digitalt via Netpuplicator"))
			.andExpect(jsonPath("$[0].kind").value("ORDINARY"))
			.andExpect(jsonPath("$[0].status").value("PLANNED"));
	}

	@Test
	void showsTheAgendaWithNumbersDiaryNumbersAndAfterPublicationTheNoticeLinks() throws Exception {
		this.mvc.perform(post("/api/v1/meetings/{id}/agenda", this.meeting.getId()).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"matterId\": " + this.matter.getId() + ", \"version\": " + version() + "}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.agenda[2].title").value("Detaljbudget 2024"));
		this.mvc.perform(get("/api/v1/meetings/{id}", this.meeting.getId()).with(MEMBER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.agenda[0].number").value(1))
			.andExpect(jsonPath("$.agenda[0].title").value("Val av justerare"))
			.andExpect(jsonPath("$.agenda[0].diaryNumber").value(nullValue()))
			.andExpect(jsonPath("$.agenda[2].number").value(3))
			.andExpect(jsonPath("$.agenda[2].diaryNumber").value(this.matter.getDiaryNumber().toString()))
			.andExpect(jsonPath("$.links.notice").doesNotExist());
		String job = this.mvc.perform(post("/api/v1/meetings/{id}/notices", this.meeting.getId()).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": " + version() + "}"))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		// Publishing runs as a job; its status resource says when it is done and which version it made.
		while (this.mvc.perform(get(job).with(SECRETARY)).andReturn().getResponse().getContentAsString()
			.contains("\"RUNNING\"")) {
			Thread.sleep(50);
		}
		this.mvc.perform(get(job).with(SECRETARY))
			.andExpect(jsonPath("$.state").value("DONE"))
			.andExpect(jsonPath("$.version").value(1));
		String json = this.mvc.perform(get("/api/v1/meetings/{id}", this.meeting.getId()).with(MEMBER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("NOTICE_PUBLISHED"))
			.andExpect(jsonPath("$.links.notice").value("/public/meetings/" + this.meeting.getId() + "/notice"))
			.andExpect(jsonPath("$.links.noticePdf").value("/public/meetings/" + this.meeting.getId() + "/notice.pdf"))
			.andExpect(jsonPath("$.agenda[2].pages").value("4"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json).contains("\"notices\"");
		// A published notice is a public document: no login needed, cached, conditional requests answered.
		String etag = this.mvc.perform(get("/public/meetings/{id}/notices/1.pdf", this.meeting.getId()))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Cache-Control", containsString("immutable")))
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		this.mvc.perform(get("/public/meetings/{id}/notices/1.pdf", this.meeting.getId()).header("If-None-Match", etag))
			.andExpect(status().isNotModified());
		this.mvc.perform(get("/public/meetings/{id}/notice", this.meeting.getId()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Detaljbudget 2024")));
	}

	@Test
	void anUnpublishedMeetingHasNoPublicNotice() throws Exception {
		this.mvc.perform(get("/public/meetings/{id}/notice", this.meeting.getId())).andExpect(status().isNotFound());
		this.mvc.perform(get("/public/meetings/{id}/notice.pdf", this.meeting.getId())).andExpect(status().isNotFound());
	}

	@Test
	void aStaleVersionIsAConflictAndChangesNothing() throws Exception {
		long stale = version();
		this.planning.addOralInformation(this.meeting.getId(), stale, "Först");
		this.mvc.perform(post("/api/v1/meetings/{id}/agenda", this.meeting.getId()).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"matterId\": " + this.matter.getId() + ", \"version\": " + stale + "}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("ändrat")));
		assertThat(this.planning.meeting(this.meeting.getId()).getAgenda()).hasSize(4);
	}

	@Test
	void badInputGetsFieldErrorsInSwedishAndSavesNothing() throws Exception {
		int before = this.planning.meetings(this.organisation.board(this.board).getId(), 2024).size();
		this.mvc.perform(post("/api/v1/boards/{code}/meetings", this.board).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"start\": \"2024-02-07T12:00:00\", \"end\": \"2024-02-07T10:00:00\", \"place\": \"Rum\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", hasItem("end")))
			.andExpect(jsonPath("$.errors[0].message").value("Sluttiden måste vara efter starttiden."));
		this.mvc.perform(post("/api/v1/boards/{code}/meetings", this.board).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"end\": \"2024-02-07T10:00:00\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("start")));
		this.mvc.perform(post("/api/v1/boards/{code}/meetings", this.board).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"start\": \"den sjunde\""))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/api/v1/boards/{code}/schedule", this.board).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"dates\": [\"2024-02-07\", \"2024-02-07\"], \"from\": \"10:00\", \"to\": \"12:00\", \"digitalTool\": \"Teams\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("dates"));
		assertThat(this.planning.meetings(this.organisation.board(this.board).getId(), 2024)).hasSize(before);
	}

	@Test
	void plansTheYearsScheduleOnTheGivenDates() throws Exception {
		this.mvc.perform(post("/api/v1/boards/{code}/schedule", this.board).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"dates\": [\"2024-02-07\", \"2024-03-20\", \"2024-05-08\", \"2024-09-18\", \"2024-12-04\"],"
					+ " \"from\": \"10:00\", \"to\": \"12:00\", \"digitalTool\": \"Netpuplicator\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$", hasSize(5)))
			.andExpect(jsonPath("$[4].start").value("2024-12-04T10:00:00"));
	}

	@Test
	void unknownIdsAreNotFound() throws Exception {
		this.mvc.perform(get("/api/v1/meetings/{id}", 987654321L).with(MEMBER))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/boards/{code}/meetings", "NOSUCHBOARD").with(MEMBER))
			.andExpect(status().isNotFound());
	}

	@Test
	void theStandardItemsCannotBeRemovedThroughTheApi() throws Exception {
		Long first = this.planning.meeting(this.meeting.getId()).getAgenda().get(0).getId();
		this.mvc.perform(delete("/api/v1/meetings/{id}/agenda/{item}", this.meeting.getId(), first).param("version",
				String.valueOf(version())).with(SECRETARY))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("Val av justerare")));
	}

	@Test
	void reordersTheAgendaInTheGivenOrder() throws Exception {
		this.planning.addMatter(this.meeting.getId(), version(), this.matter.getId());
		java.util.List<Long> ids = this.planning.meeting(this.meeting.getId()).getAgenda().stream().map(AgendaItem::getId).toList();
		this.mvc.perform(put("/api/v1/meetings/{id}/agenda", this.meeting.getId()).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemIds\": [" + ids.get(0) + "," + ids.get(1) + "," + ids.get(3) + "," + ids.get(2)
					+ "], \"version\": " + version() + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.agenda[2].title").value("Information från verksamheten"))
			.andExpect(jsonPath("$.agenda[3].title").value("Detaljbudget 2024"));
	}

	private long version() {
		return this.planning.meeting(this.meeting.getId()).getVersion();
	}

}
