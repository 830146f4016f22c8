package se.paragraf.internalcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.people.Board;
import se.paragraf.people.Municipality;
import se.paragraf.people.Organisation;
import se.paragraf.people.UniqueBoards;

/**
 * Internal control's API and pages: roles, bad input answered clearly with nothing saved, and the
 * follow-up form recording an MA that then shows in the board's Bilaga 1.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InternalControlApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	InternalControlManagement control;

	@Autowired
	Organisation organisation;

	Municipality municipality;

	Board board;

	ControlPlan common;

	ControlPoint point;

	@BeforeEach
	void plan() {
		this.municipality = UniqueBoards.municipality(this.organisation);
		this.board = UniqueBoards.board(this.organisation, this.municipality);
		this.control.defineMatrix(this.municipality.getId(), List.of("1", "2", "3", "4"), List.of("1", "2", "3", "4"));
		this.common = this.control.createPlan(Origin.COMMON, this.municipality.getId(), null, 2023, null, "KS", null);
		this.point = this.control.addPoint(this.common.getId(), new ControlPointDefinition(
				"Följs koncernens projektmodell?", null, "Genomgång", "En gång per år", null, "IT-chef", "Nämnden"));
	}

	@Test
	void refusesAnonymousApiCallsWith401AndSendsPagesToTheLogin() throws Exception {
		this.mvc.perform(get("/api/v1/control-plans/{id}", this.common.getId())).andExpect(status().isUnauthorized());
		this.mvc.perform(post("/api/v1/follow-ups").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/internal-control")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/internal-control/follow-up").param("point", this.point.getId().toString())
			.param("board", this.board.getCode())
			.param("year", "2023")).andExpect(redirectedUrl("/login"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ADMIN", "SECRETARY", "CASE_OFFICER", "ECONOMIST", "MEMBER", "SUBSTITUTE" })
	void letsEveryRoleReadPlansFollowUpsAndTheDashboard(String role) throws Exception {
		this.mvc.perform(get("/api/v1/control-plans/{id}", this.common.getId()).with(as(role)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.points[0].question").value("Följs koncernens projektmodell?"))
			.andExpect(jsonPath("$.reportDue").value("2024-01-31"));
		this.mvc.perform(get("/api/v1/follow-ups/dashboard").param("year", "2023").with(as(role)))
			.andExpect(status().isOk());
		for (String page : List.of("/internal-control?year=2023", "/internal-control/dashboard?year=2023",
				"/internal-control/plans/" + this.common.getId(), "/internal-control/boards/" + this.board.getCode() + "/2023",
				"/internal-control/report?municipality=" + this.municipality.getId() + "&year=2023",
				"/internal-control/follow-up?point=" + this.point.getId() + "&board=" + this.board.getCode() + "&year=2023")) {
			this.mvc.perform(get(page).with(as(role))).andExpect(status().isOk());
		}
	}

	@Test
	void aYearOutsideTheRangeIsAFieldErrorOnTheDashboardAndReportNotAServerError() throws Exception {
		for (String year : List.of("2147483647", "-2147483648", "1999", "2101")) {
			this.mvc.perform(get("/api/v1/follow-ups/dashboard").param("year", year).with(as("ECONOMIST")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("year"))
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("2000")));
			this.mvc.perform(get("/api/v1/follow-ups/report").param("municipality", this.municipality.getId().toString())
				.param("year", year)
				.with(as("ECONOMIST")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("year"));
			for (String page : List.of("/internal-control?year=" + year, "/internal-control/dashboard?year=" + year,
					"/internal-control/report?municipality=" + this.municipality.getId() + "&year=" + year,
					"/internal-control/boards/" + this.board.getCode() + "/" + year)) {
				this.mvc.perform(get(page).with(as("ECONOMIST")))
					.andExpect(status().isBadRequest())
					.andExpect(content().string(org.hamcrest.Matchers.containsString("2000")));
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "ECONOMIST", "MEMBER", "SUBSTITUTE" })
	void refusesWritesToReadOnlyRoles(String role) throws Exception {
		this.mvc.perform(post("/api/v1/follow-ups").with(as(role))
			.contentType(MediaType.APPLICATION_JSON)
			.content(followUp("NO_REMARK", null))).andExpect(status().isForbidden());
		this.mvc.perform(post("/internal-control/follow-up").with(as(role)).with(csrf())
			.param("pointId", this.point.getId().toString())
			.param("board", this.board.getCode())
			.param("year", "2023")).andExpect(status().isForbidden());
		this.mvc.perform(post("/internal-control/reminders").with(as(role)).with(csrf()).param("year", "2023"))
			.andExpect(status().isForbidden());
		assertThat(this.control.currentFollowUp(this.point.getId(), this.board.getId(), 2023)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ADMIN", "SECRETARY", "CASE_OFFICER" })
	void letsWritingRolesRecordSubmitAndCorrectAFollowUp(String role) throws Exception {
		String location = this.mvc.perform(post("/api/v1/follow-ups").with(as(role))
			.contentType(MediaType.APPLICATION_JSON)
			.content(followUp("NO_REMARK", null)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc.perform(multipart(location + "/evidence")
			.file(new MockMultipartFile("file", "stickprov.txt", "text/plain", "ok".getBytes()))
			.with(as(role))).andExpect(status().isCreated());
		this.mvc.perform(post(location + "/submission").with(as(role))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":0}")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
		this.mvc.perform(post("/api/v1/follow-ups").with(as(role))
			.contentType(MediaType.APPLICATION_JSON)
			.content(followUp("WITH_REMARK", "Sent"))).andExpect(status().isConflict());
		this.mvc.perform(post(location + "/corrections").with(as(role))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Fel resultat\",\"followUp\":{\"performed\":true,\"result\":\"WITH_REMARK\","
					+ "\"remark\":\"Mallar används som stöd\",\"date\":\"2023-08-30\"}}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.replacesId").isNumber())
			.andExpect(jsonPath("$.evidence[0].filename").value("stickprov.txt"));
		this.mvc.perform(get("/api/v1/follow-ups").param("board", this.board.getCode()).param("year", "2023").with(as(role)))
			.andExpect(jsonPath("$.length()").value(2));
	}

	@Test
	void answersBadInputClearlyAndSavesNothing() throws Exception {
		this.mvc.perform(post("/api/v1/follow-ups").with(as("CASE_OFFICER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(followUp("WITH_REMARK", "")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("remark"))
			.andExpect(jsonPath("$.errors[0].message").value("Skriv anmärkningen: resultatet är MA (med anmärkning)."));
		this.mvc.perform(post("/api/v1/follow-ups").with(as("CASE_OFFICER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"controlPointId\":" + this.point.getId() + ",\"board\":\"" + this.board.getCode() + "\",")) 
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/api/v1/follow-ups").with(as("CASE_OFFICER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"controlPointId\":" + this.point.getId() + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'performed')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'date')]").exists());
		this.mvc.perform(post("/api/v1/control-plans/{id}/points", this.common.getId()).with(as("CASE_OFFICER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"question\":\"Följs koncernens projektmodell\",\"method\":\"M\",\"frequency\":\"F\","
					+ "\"responsible\":\"R\",\"reportsTo\":\"N\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("question"));
		String analysis = this.mvc.perform(post("/api/v1/risk-analyses").with(as("CASE_OFFICER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"origin\":\"BOARD\",\"board\":\"" + this.board.getCode() + "\",\"year\":2023}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc.perform(post(analysis + "/risks").with(as("CASE_OFFICER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"category\":\"Arbetsmiljö\",\"description\":\"Tillbud\",\"likelihood\":9,\"consequence\":2}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("likelihood"));
		ControlPlan future = this.control.createPlan(Origin.BOARD, null, this.board.getCode(), 2099, null, null, null);
		ControlPoint later = this.control.addPoint(future.getId(),
				new ControlPointDefinition("Anmäls tillbud?", null, "M", "F", null, "R", "N"));
		this.mvc.perform(post("/api/v1/follow-ups").with(as("CASE_OFFICER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"controlPointId\":" + later.getId() + ",\"board\":\"" + this.board.getCode()
					+ "\",\"year\":2099,\"performed\":true,\"result\":\"NO_REMARK\",\"date\":\"2023-08-30\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("2099 har inte börjat")));
		assertThat(this.control.currentFollowUp(this.point.getId(), this.board.getId(), 2023)).isEmpty();
		assertThat(this.control.points(this.common.getId())).hasSize(1);
	}

	@Test
	void recordsAFollowUpWithRemarkInTheFormAndShowsItInBilaga1() throws Exception {
		this.mvc.perform(post("/internal-control/follow-up").with(as("SECRETARY")).with(csrf())
			.param("pointId", this.point.getId().toString())
			.param("board", this.board.getCode())
			.param("year", "2023")
			.param("performed", "true")
			.param("result", "WITH_REMARK")
			.param("remark", "")
			.param("date", "2023-08-30")
			.param("action", "submit"))
			.andExpect(status().isOk())
			.andExpect(view().name("internalcontrol/followup"))
			.andExpect(model().attributeHasFieldErrors("followUpForm", "remark"));
		assertThat(this.control.currentFollowUp(this.point.getId(), this.board.getId(), 2023)).isEmpty();

		this.mvc.perform(post("/internal-control/follow-up").with(as("SECRETARY")).with(csrf())
			.param("pointId", this.point.getId().toString())
			.param("board", this.board.getCode())
			.param("year", "2023")
			.param("performed", "true")
			.param("result", "WITH_REMARK")
			.param("remark", "Mallar används som stöd")
			.param("date", "2023-08-30")
			.param("measures[0].kind", "PROPOSED")
			.param("measures[0].description", "Förenkla mallarna")
			.param("measures[0].owner", "IT-chef")
			.param("measures[0].dueDate", "2024-03-31")
			.param("measures[1].kind", "TAKEN")
			.param("action", "submit")).andExpect(status().is3xxRedirection());

		FollowUp recorded = this.control.currentFollowUp(this.point.getId(), this.board.getId(), 2023).orElseThrow();
		assertThat(recorded.isSubmitted()).isTrue();
		assertThat(recorded.getMeasures()).hasSize(1);
		assertThat(recorded.getDate()).isEqualTo(LocalDate.of(2023, 8, 30));
		this.mvc.perform(get("/internal-control/boards/{code}/2023", this.board.getCode()).with(as("MEMBER")))
			.andExpect(status().isOk())
			// Performed (Ja) and with remark (MA) are ticked, each cell naming its column header.
			.andExpect(content().string(containsString("-yes\">x</td>")))
			.andExpect(content().string(containsString("-ma\">x</td>")))
			.andExpect(content().string(containsString("Mallar anv")));
	}

	@Test
	void aBrokenRuleInAPageFormShowsBesideItsFieldAndSavesNothing() throws Exception {
		Long matrix = this.control.currentMatrix(this.municipality.getId()).orElseThrow().getId();
		RiskAnalysis analysis = this.control.startAnalysis(Origin.BOARD, null, this.board.getCode(), 2023);
		Municipality withoutMatrix = UniqueBoards.municipality(this.organisation);

		this.mvc.perform(post("/internal-control/plans").with(as("SECRETARY")).with(csrf())
			.param("origin", "COMMON")
			.param("municipalityId", this.municipality.getId().toString())
			.param("year", "2023"))
			.andExpect(status().isOk())
			.andExpect(view().name("internalcontrol/overview"))
			.andExpect(model().attributeHasFieldErrorCode("planForm", "year", "internalcontrol.plan.exists"));
		this.mvc.perform(post("/internal-control/matrices").with(as("SECRETARY")).with(csrf())
			.param("municipalityId", this.municipality.getId().toString())
			.param("likelihoodLabels", "Låg")
			.param("consequenceLabels", "Liten, Stor"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("matrixForm", "likelihoodLabels", "internalcontrol.matrix.levels"));
		this.mvc.perform(post("/internal-control/analyses").with(as("SECRETARY")).with(csrf())
			.param("origin", "COMMON")
			.param("municipalityId", withoutMatrix.getId().toString())
			.param("year", "2023"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("analysisForm", "municipalityId", "internalcontrol.matrix.missing"));
		this.mvc.perform(post("/internal-control/plans/{id}/points", this.common.getId()).with(as("SECRETARY")).with(csrf())
			.param("question", " följs koncernens projektmodell")
			.param("method", "Genomgång")
			.param("frequency", "En gång per år")
			.param("responsible", "IT-chef")
			.param("reportsTo", "Nämnden"))
			.andExpect(status().isOk())
			.andExpect(view().name("internalcontrol/plan"))
			.andExpect(model().attributeHasFieldErrorCode("pointForm", "question", "internalcontrol.point.duplicate"));
		this.mvc.perform(post("/internal-control/analyses/{id}/risks", analysis.getId()).with(as("SECRETARY")).with(csrf())
			.param("category", "Arbetsmiljö")
			.param("riskDescription", "Tillbud anmäls inte")
			.param("likelihood", "5")
			.param("consequence", "2"))
			.andExpect(status().isOk())
			.andExpect(view().name("internalcontrol/analysis"))
			.andExpect(model().attributeHasFieldErrorCode("riskForm", "likelihood", "internalcontrol.risk.outsideMatrix"));
		this.mvc.perform(post("/internal-control/analyses/{id}/remap", analysis.getId()).with(as("SECRETARY")).with(csrf())
			.param("matrixId", matrix.toString())
			.param("likelihoodMap", "1, 2, x")
			.param("consequenceMap", "1, 2, 3, 4"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("remapForm", "likelihoodMap", "internalcontrol.matrix.mapSize"));

		assertThat(this.control.plans(2023)).filteredOn(p -> this.municipality.getId().equals(p.getMunicipalityId()))
			.hasSize(1);
		assertThat(this.control.currentMatrix(this.municipality.getId()).orElseThrow().getId()).isEqualTo(matrix);
		assertThat(this.control.analyses(2023)).extracting(RiskAnalysis::getMunicipalityId)
			.doesNotContain(withoutMatrix.getId());
		assertThat(this.control.points(this.common.getId())).hasSize(1);
		assertThat(this.control.risks(analysis.getId())).isEmpty();
	}

	@Test
	void aPageFormThatKeepsTheRulesSavesAndLeadsBackToItsPage() throws Exception {
		this.mvc.perform(post("/internal-control/plans/{id}/points", this.common.getId()).with(as("SECRETARY")).with(csrf())
			.param("question", "Anmäls tillbud i KIA?")
			.param("method", "Stickprov")
			.param("frequency", "En gång per år")
			.param("responsible", "IT-chef")
			.param("reportsTo", "Nämnden"))
			.andExpect(redirectedUrl("/internal-control/plans/" + this.common.getId()))
			.andExpect(flash().attributeExists("message"));

		assertThat(this.control.points(this.common.getId())).extracting(ControlPoint::getQuestion)
			.containsExactly("Följs koncernens projektmodell?", "Anmäls tillbud i KIA?");
	}

	@Test
	void letsTheSecretarySendRemindersNow() throws Exception {
		this.mvc.perform(post("/internal-control/reminders").with(as("SECRETARY")).with(csrf()).param("year", "2023"))
			.andExpect(redirectedUrl("/internal-control/dashboard?year=2023"));
	}

	private String followUp(String result, String remark) {
		return "{\"controlPointId\":" + this.point.getId() + ",\"board\":\"" + this.board.getCode()
				+ "\",\"year\":2023,\"performed\":true,\"result\":\"" + result + "\""
				+ (remark == null ? "" : ",\"remark\":\"" + remark + "\"") + ",\"date\":\"2023-08-30\"}";
	}

	private static RequestPostProcessor as(String role) {
		return user("t-" + role.toLowerCase(java.util.Locale.ROOT)).roles(role);
	}

}
