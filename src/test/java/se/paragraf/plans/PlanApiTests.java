package se.paragraf.plans;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.people.UniqueBoards;

/**
 * The operations plan's API and pages: who may read and write, and bad input answered clearly.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlanApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanManagement plans;

	@Autowired
	Organisation organisation;

	Board board;

	OperationsPlan plan;

	@BeforeEach
	void plan() {
		this.board = UniqueBoards.board(this.organisation, UniqueBoards.municipality(this.organisation));
		this.plan = this.plans.createPlan(this.board.getCode(), 2024, "Verksamhetsplan 2024", "");
	}

	@Test
	void refusesAnonymousApiCallsWith401() throws Exception {
		this.mvc.perform(get("/api/v1/plans/{id}", this.plan.getId())).andExpect(status().isUnauthorized());
		this.mvc.perform(post("/api/v1/plans").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnauthorized());
	}

	@ParameterizedTest
	@ValueSource(strings = { "ADMIN", "SECRETARY", "CASE_OFFICER", "ECONOMIST", "MEMBER", "SUBSTITUTE" })
	void letsEveryRoleReadThePlan(String role) throws Exception {
		this.mvc.perform(get("/api/v1/plans/{id}", this.plan.getId()).with(as(role)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.plan.board").value(this.board.getCode()));
		this.mvc.perform(get("/plans/{id}", this.plan.getId()).with(as(role))).andExpect(status().isOk());
	}

	@ParameterizedTest
	@ValueSource(strings = { "ECONOMIST", "MEMBER", "SUBSTITUTE" })
	void refusesWritesToReadOnlyRoles(String role) throws Exception {
		this.mvc.perform(post("/api/v1/plans/{id}/priorities", this.plan.getId()).with(as(role))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"Att utveckla\"}")).andExpect(status().isForbidden());
		this.mvc.perform(post("/plans/{id}/priorities", this.plan.getId()).with(as(role)).with(csrf()).param("text", "X"))
			.andExpect(status().isForbidden());
	}

	@ParameterizedTest
	@ValueSource(strings = { "ADMIN", "SECRETARY", "CASE_OFFICER" })
	void letsWritingRolesBuildThePlan(String role) throws Exception {
		String goal = this.mvc.perform(post("/api/v1/plans/{id}/goals", this.plan.getId()).with(as(role))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Mål " + role + "\",\"description\":\"B\",\"firstYear\":2022,\"lastYear\":2025}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc.perform(post(goal + "/indicators").with(as(role))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"E-tjänster\",\"source\":\"KOLADA\",\"koladaKpi\":\"N00945\",\"unit\":\"%\",\"target\":80}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.koladaKpi").value("N00945"));
	}

	@Test
	void answersBadInputWithFieldErrorsAndSavesNothing() throws Exception {
		this.mvc.perform(post("/api/v1/plans/{id}/goals", this.plan.getId()).with(as("CASE_OFFICER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Mål\",\"firstYear\":2025,\"lastYear\":2022}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("lastYear"))
			.andExpect(jsonPath("$.errors[0].message").value("Slutåret kan inte ligga före startåret."));
		this.mvc.perform(post("/api/v1/plans/{id}/goals", this.plan.getId()).with(as("CASE_OFFICER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"\"}")).andExpect(status().isBadRequest());
		this.mvc.perform(post("/api/v1/plans/{id}/goals", this.plan.getId()).with(as("CASE_OFFICER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{not json")).andExpect(status().isBadRequest());
		this.mvc.perform(post("/api/v1/plans/{id}/measurements", this.plan.getId()).with(as("CASE_OFFICER"))
			.contentType("text/csv")
			.content("indikator;period;värde\nOkänd;2023;1\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		this.mvc.perform(get("/api/v1/plans/{id}", 987654321L).with(as("MEMBER"))).andExpect(status().isNotFound());
		org.assertj.core.api.Assertions.assertThat(this.plans.goals(this.plan.getId())).isEmpty();
	}

	@Test
	void indicatorNumbersBeyondTheColumnsPrecisionAreFieldErrorsAndNothingIsSaved() throws Exception {
		String goal = this.mvc.perform(post("/api/v1/plans/{id}/goals", this.plan.getId()).with(as("CASE_OFFICER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Mål\",\"description\":\"B\",\"firstYear\":2022,\"lastYear\":2025}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		for (String field : List.of("baseline", "target")) {
			for (String number : List.of("-1e308", "1000000000000000", "1e15")) {
				this.mvc.perform(post(goal + "/indicators").with(as("CASE_OFFICER"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"Andel\",\"source\":\"INTERNAL\",\"" + field + "\":" + number + "}"))
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.errors[0].field").value(field))
					.andExpect(jsonPath("$.errors[0].message").value(containsString("1 000 000 000 000 000")));
			}
		}
		String indicator = this.mvc.perform(post(goal + "/indicators").with(as("CASE_OFFICER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Andel\",\"source\":\"INTERNAL\",\"baseline\":-999999999999999.9999}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc.perform(post(indicator + "/measurements").with(as("CASE_OFFICER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"period\":\"2023\",\"value\":1e300}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("value"));
		this.mvc.perform(post("/api/v1/plans/{id}/measurements", this.plan.getId()).with(as("CASE_OFFICER"))
			.contentType("text/csv")
			.content("indikator;period;värde\nAndel;2022;1\nAndel;2023;-1e308\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("Rad 3")));
		org.assertj.core.api.Assertions.assertThat(this.plans.indicators(this.plans.goals(this.plan.getId()).get(0).getId()))
			.hasSize(1);
		org.assertj.core.api.Assertions
			.assertThat(this.plans.measurements(this.plans.indicators(this.plans.goals(this.plan.getId()).get(0).getId())
				.get(0)
				.getId()))
			.isEmpty();
	}

	@Test
	void reRendersThePageFormWithTheErrorAndTheInputKept() throws Exception {
		this.mvc.perform(post("/plans/{id}/goals", this.plan.getId()).with(as("SECRETARY")).with(csrf())
			.param("goalTitle", "Vi stottar")
			.param("goalDescription", "")
			.param("firstYear", "2025")
			.param("lastYear", "2022"))
			.andExpect(status().isOk())
			.andExpect(view().name("plans/plan"))
			.andExpect(model().attributeHasFieldErrors("goalForm", "lastYear"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"Vi stottar\"")));
		this.mvc.perform(post("/plans/{id}/goals", this.plan.getId()).with(as("SECRETARY")).with(csrf())
			.param("goalTitle", "Vi stottar")
			.param("goalDescription", "")
			.param("firstYear", "2022")
			.param("lastYear", "2025")).andExpect(status().is3xxRedirection());
	}

	@Test
	void sendsAnonymousVisitorsOfPagesToTheLogin() throws Exception {
		this.mvc.perform(get("/plans")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	private static RequestPostProcessor as(String role) {
		return user("t-" + role.toLowerCase(java.util.Locale.ROOT)).roles(role);
	}

}
