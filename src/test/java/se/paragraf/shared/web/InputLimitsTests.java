package se.paragraf.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;

/**
 * Text with a control character (PostgreSQL refuses a NUL outright) and dates in years no board meets in
 * are field errors, through the API and through the pages, and nothing is saved. Runs on H2 and, with
 * the postgres profile, on PostgreSQL, where both used to end in a server error.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InputLimitsTests {

	private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

	private static final RequestPostProcessor OFFICER = user("handlaggare").roles("CASE_OFFICER");

	private static final RequestPostProcessor SECRETARY = user("sekreterare").roles("SECRETARY");

	private static final String CONTROL_CHARACTERS = "otillåtna tecken";

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	MeetingPlanning planning;

	String board;

	@BeforeEach
	void board() {
		this.board = PeopleFixtures.jointBoard(this.organisation).code();
	}

	@Test
	void aNulInAPersonsNameIsAFieldError() throws Exception {
		int before = this.organisation.persons().size();
		this.mvc.perform(post("/api/v1/persons").with(ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"firstName": "Anna\\u0000", "lastName": "Berg"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("firstName"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(CONTROL_CHARACTERS)));
		assertThat(this.organisation.persons()).hasSize(before);
	}

	@Test
	void aNulInAMatterTitleIsAFieldErrorNotATakenDiaryNumber() throws Exception {
		this.mvc.perform(post("/api/v1/matters").with(OFFICER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"board": "%s", "title": "Bygglov\\u0000"}""".formatted(this.board)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("title"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(CONTROL_CHARACTERS)));
		assertThat(mattersOfTheBoard()).isZero();
	}

	@Test
	void otherControlCharactersAreRefusedToo() throws Exception {
		this.mvc.perform(post("/api/v1/matters").with(OFFICER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"board": "%s", "title": "Bygg\\u001blov"}""".formatted(this.board)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("title"));
	}

	@Test
	void lineBreaksAndTabsInTextAreKept() throws Exception {
		Matter matter = this.register.register(this.board, "Bygglov");
		this.mvc.perform(post("/api/v1/matters/{id}/text-attachments", matter.getId()).with(OFFICER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"title": "Yttrande", "body": "Första stycket.\\r\\n\\n\\tAndra stycket."}"""))
			.andExpect(status().isCreated());
	}

	@Test
	void aNulInAQueryParameterIsAFieldError() throws Exception {
		this.mvc.perform(get("/api/v1/plans").param("board", "GSN\u0000").with(OFFICER))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("board"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(CONTROL_CHARACTERS)));
	}

	@Test
	void aPageFormShowsANulInAMatterTitleBesideTheInput() throws Exception {
		this.mvc.perform(post("/matters").with(OFFICER).with(csrf())
			.param("board", this.board)
			.param("title", "Bygglov\u0000")
			.param("diaryNumber", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(CONTROL_CHARACTERS)));
		assertThat(mattersOfTheBoard()).isZero();
	}

	@Test
	void aMeetingInAnImplausibleYearIsAFieldError() throws Exception {
		this.mvc.perform(post("/api/v1/boards/{code}/meetings", this.board).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"start": "+999999999-12-05T10:00", "end": "+999999999-12-05T12:00"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("start"))
			.andExpect(jsonPath("$.errors[0].message").value("Ange ett datum mellan år 1900 och 2200."));
		assertThat(meetingsOfTheBoard()).isZero();
	}

	@Test
	void askingForTheMeetingsOfAnImplausibleYearFindsNone() throws Exception {
		this.mvc.perform(get("/api/v1/boards/{code}/meetings", this.board).param("year", "999999999").with(SECRETARY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$").isEmpty());
	}

	@Test
	void aScheduleWithADateInAnImplausibleYearIsAFieldErrorThroughTheApi() throws Exception {
		this.mvc.perform(post("/api/v1/boards/{code}/schedule", this.board).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"dates": ["2024-02-07", "3024-02-07"], "from": "10:00", "to": "12:00"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("dates[1]"));
		assertThat(this.planning.meetings(boardId(), 2024)).isEmpty();
	}

	@Test
	void aPageFormShowsAMeetingInAnImplausibleYearBesideTheInput() throws Exception {
		this.mvc.perform(post("/meetings").with(SECRETARY).with(csrf())
			.param("board", this.board)
			.param("kind", "ORDINARY")
			.param("date", "+999999999-12-05")
			.param("from", "10:00")
			.param("to", "12:00"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ange ett datum mellan år 1900 och 2200.")));
		assertThat(meetingsOfTheBoard()).isZero();
	}

	@Test
	void aPageScheduleWithALineInAnImplausibleYearPlansNothing() throws Exception {
		this.mvc.perform(post("/meetings/schedule").with(SECRETARY).with(csrf())
			.param("board", this.board)
			.param("dates", "2024-02-07\n3024-02-07")
			.param("from", "10:00")
			.param("to", "12:00"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("3024-02-07")))
			.andExpect(content().string(containsString("mellan år 1900 och 2200")));
		assertThat(this.planning.meetings(boardId(), 2024)).isEmpty();
	}

	private Long boardId() {
		return this.organisation.board(this.board).getId();
	}

	/** Counted without a year: asking PostgreSQL for year 999999999 would itself fail. */
	private long meetingsOfTheBoard() {
		return this.planning.allMeetings().stream().filter(m -> m.getBoardId().equals(boardId())).count();
	}

	private int mattersOfTheBoard() {
		return this.register.matters(boardId(), null).size();
	}

}
