package se.paragraf.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

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
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;

/**
 * Input of the wrong type or format (an impossible date, an unknown value, an array for a text, letters
 * for a number) is answered 400 with the field that is wrong and what it must look like, in Swedish or
 * in English; a page form shows the same beside the input.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiInputErrorsTests {

	private static final RequestPostProcessor SECRETARY = user("sekreterare").roles("SECRETARY");

	private static final RequestPostProcessor ECONOMIST = user("ekonom").roles("ECONOMIST");

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
	void anImpossibleDateIsAFieldError() throws Exception {
		scheduleMeeting("""
				{"start": "2023-02-30T10:00", "end": "2023-02-28T12:00"}""")
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("start"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("Ogiltig tidpunkt")));
		assertThat(meetingsIn(2023)).isZero();
	}

	@Test
	void anUnknownValueNamesTheAllowedOnes() throws Exception {
		scheduleMeeting("""
				{"kind": "PICKNICK", "start": "2023-12-05T10:00", "end": "2023-12-05T12:00"}""")
			.andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("Okänt värde; tillåtna: ORDINARY")));
	}

	@Test
	void anArrayWhereATextBelongsIsAFieldError() throws Exception {
		scheduleMeeting("""
				{"start": "2023-12-05T10:00", "end": "2023-12-05T12:00", "place": ["Stadshuset"]}""")
			.andExpect(jsonPath("$.errors[0].field").value("place"))
			.andExpect(jsonPath("$.errors[0].message").value("Ska vara en text."));
	}

	@Test
	void lettersForAVersionAreAFieldError() throws Exception {
		Matter matter = this.register.register(this.board, "Detaljbudget 2024");
		this.mvc.perform(put("/api/v1/matters/{id}", matter.getId()).with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"title": "Ny titel", "version": "abc"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("version"))
			.andExpect(jsonPath("$.errors[0].message").value("Ska vara ett heltal."));
		assertThat(this.register.matter(matter.getId()).getTitle()).isEqualTo("Detaljbudget 2024");
	}

	@Test
	void aWrongValueInAListIsNamedByItsPosition() throws Exception {
		this.mvc.perform(post("/api/v1/boards/{b}/budgets/2024/versions", this.board).with(ECONOMIST)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"label": "api", "activities": [
					  {"code": "030", "name": "Administration", "externalRevenue": 0, "internalRevenue": 0, "cost": 1},
					  {"code": "031", "name": "Kultur", "externalRevenue": 0, "internalRevenue": 0, "cost": "mycket"}]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("activities[1].cost"))
			.andExpect(jsonPath("$.errors[0].message").value("Ska vara ett heltal."));
	}

	@Test
	void aQueryParameterOfTheWrongTypeIsAFieldError() throws Exception {
		this.mvc.perform(get("/api/v1/boards/{code}/meetings", this.board).param("year", "abc").with(SECRETARY))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("year"))
			.andExpect(jsonPath("$.errors[0].message").value("Ska vara ett heltal."));
	}

	@Test
	void malformedJsonSaysWhereItBreaks() throws Exception {
		scheduleMeeting("{\"start\": \"2023-12-05T10:00\",\n \"end\": }")
			.andExpect(jsonPath("$.detail").value(containsString("inte giltig JSON (fel vid rad 2")));
	}

	@Test
	void aMissingBodyIsSaidSo() throws Exception {
		scheduleMeeting("").andExpect(jsonPath("$.detail").value(containsString("saknar innehåll")));
	}

	@Test
	void anEnglishClientGetsTheMessagesInEnglish() throws Exception {
		this.mvc.perform(post("/api/v1/boards/{code}/meetings", this.board).with(SECRETARY)
			.cookie(new Cookie("paragraf-lang", "en"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"start": "2023-02-30T10:00", "end": "2023-02-28T12:00"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("start"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("Invalid date and time")));
	}

	@Test
	void aPageFormShowsAnImpossibleDateBesideTheInput() throws Exception {
		this.mvc.perform(post("/meetings").with(SECRETARY).with(csrf())
			.param("board", this.board)
			.param("kind", "ORDINARY")
			.param("date", "2023-02-30")
			.param("from", "10:00")
			.param("to", "12:00"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ange ett datum som ÅÅÅÅ-MM-DD.")));
		assertThat(meetingsIn(2023)).isZero();
	}

	private ResultActions scheduleMeeting(String json) throws Exception {
		return this.mvc
			.perform(post("/api/v1/boards/{code}/meetings", this.board).with(SECRETARY)
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	private int meetingsIn(int year) {
		return this.planning.meetings(this.organisation.board(this.board).getId(), year).size();
	}

}
