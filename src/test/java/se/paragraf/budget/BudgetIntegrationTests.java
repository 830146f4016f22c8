package se.paragraf.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.Characterisation;
import se.paragraf.budget.BudgetManagement.VersionView;
import se.paragraf.demo.BudgetDemoAccess;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;
import se.paragraf.shared.text.RichText;

/**
 * Budgets end to end on the shared test database: versions freeze when decided, the API answers with
 * öre and refuses stale or broken writes, the import previews without saving, and documents embed the
 * tables live.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BudgetIntegrationTests {

	private static final RequestPostProcessor ECONOMIST = user("economist").roles("ECONOMIST");

	private static final RequestPostProcessor CASE_OFFICER = user("officer").roles("CASE_OFFICER");

	private static final RequestPostProcessor MEMBER = user("member").roles("MEMBER");

	@Autowired
	BudgetManagement budgets;

	@Autowired
	Organisation organisation;

	@Autowired
	RichText richText;

	@Autowired
	MockMvc mvc;

	String board;

	@BeforeEach
	void board() {
		this.board = PeopleFixtures.jointBoard(this.organisation).code();
	}

	@Test
	void decidedVersionIsFrozenAndAChangeMakesANewVersion() {
		VersionView first = this.budgets.createVersion(this.board, 2024, "beslut", null, BudgetDemoAccess.earlier());
		VersionView decided = this.budgets.decide(this.board, 2024, 1, first.lockVersion(), "§ 27", LocalDate.of(2023, 6, 13));

		assertThat(decided.status()).isEqualTo(VersionStatus.DECIDED);
		assertThatThrownBy(() -> this.budgets.updateVersion(this.board, 2024, 1, decided.lockVersion(), "ändrad",
				BudgetDemoAccess.proposed()))
			.isInstanceOf(RuleViolation.class)
			.hasMessage("budget.version.frozen");
		VersionView copy = this.budgets.copyVersion(this.board, 2024, 1, "ver 1.0");
		this.budgets.updateVersion(this.board, 2024, copy.number(), copy.lockVersion(), "ver 1.0",
				BudgetDemoAccess.proposed());
		VersionView adjusted = this.budgets.decide(this.board, 2024, 2,
				this.budgets.version(this.board, 2024, 2).lockVersion(), "§ 60", LocalDate.of(2023, 12, 5));

		assertThat(adjusted.status()).isEqualTo(VersionStatus.ADJUSTED);
		assertThat(this.budgets.version(this.board, 2024, 1).content()).isEqualTo(BudgetDemoAccess.earlier());
		assertThat(this.budgets.version(this.board, 2024, 2).content()).isEqualTo(BudgetDemoAccess.proposed());
	}

	@Test
	void refusesAStaleVersionAndDataThatBreaksTheBridge() {
		VersionView draft = this.budgets.createVersion(this.board, 2024, "utkast", null, BudgetDemoAccess.proposed());
		this.budgets.updateVersion(this.board, 2024, 1, draft.lockVersion(), "utkast 2", BudgetDemoAccess.proposed());

		assertThatThrownBy(() -> this.budgets.updateVersion(this.board, 2024, 1, draft.lockVersion(), "utkast 3",
				BudgetDemoAccess.proposed()))
			.isInstanceOf(StaleVersionException.class);
		BudgetContent broken = BudgetDemoAccess.proposed()
			.withCostTypes(List.of(new CostTypeLine(CostType.CAPITAL, 100, 1, 1, 100)));
		assertThatThrownBy(() -> this.budgets.createVersion(this.board, 2024, "trasig", null, broken))
			.isInstanceOf(BudgetContentRejected.class);
		assertThat(this.budgets.versions(this.board, 2024)).hasSize(1);
	}

	@Test
	void apiAnswersVersionsAndExactAmountsInOre() throws Exception {
		this.budgets.createVersion(this.board, 2024, "ver 1.0", null, BudgetDemoAccess.proposed());

		this.mvc.perform(get("/api/v1/boards/{b}/budgets/2024", this.board).with(user("s").roles("SECRETARY")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.versions[0].number").value(1))
			.andExpect(jsonPath("$.versions[0].status").value("DRAFT"));
		this.mvc.perform(get("/api/v1/boards/{b}/budgets/2024/versions/1", this.board).with(CASE_OFFICER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unit").value("öre"))
			.andExpect(jsonPath("$.activities[0].externalRevenue").value(-290_093_600L))
			.andExpect(jsonPath("$.activities[1].net").value(0))
			.andExpect(jsonPath("$.costTypes[4].activityChange").value(-154_315_400L))
			.andExpect(jsonPath("$.assumptions[1].personnelCostEffect").value(97_860_432L))
			.andExpect(jsonPath("$.totals.investments").value(760_000_000L))
			.andExpect(jsonPath("$.deviation").value(0));
	}

	@Test
	void apiRefusesAmountsBeyondTenToTheFifteenOreWithAFieldErrorAndSavesNothing() throws Exception {
		// Each fits a long; their sum does not, and was stored wrapped.
		String body = """
				{"label": "api", "activities": [{"code": "030", "name": "A", "externalRevenue": 0, "internalRevenue": 0,
				 "cost": 9223372036854775000}, {"code": "031", "name": "B", "externalRevenue": 0, "internalRevenue": 0,
				 "cost": 9223372036854775000}], "frame": -9223372036854775000}
				""";
		this.mvc.perform(post("/api/v1/boards/{b}/budgets/2024/versions", this.board).with(ECONOMIST)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("activities[0].cost",
					"activities[1].cost", "frame")))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("10 000 000 000 000 kr")));
		this.mvc.perform(get("/api/v1/boards/{b}/budgets/2024", this.board).with(ECONOMIST))
			.andExpect(status().isNotFound());
	}

	@Test
	void apiWritesWithTheSameChecksAndRefusesStaleAndFrozenVersions() throws Exception {
		String body = """
				{"label": "api", "activities": [{"code": "030", "name": "Administration", "externalRevenue": -100,
				 "internalRevenue": 0, "cost": 100}],
				 "costTypes": [{"costType": "CAPITAL", "prior": 100, "priceChange": 1, "activityChange": 1, "budget": 100}]}
				""";
		this.mvc.perform(post("/api/v1/boards/{b}/budgets/2024/versions", this.board).with(ECONOMIST)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("costTypes[0].budget"));
		String good = body.replace("\"budget\": 100", "\"budget\": 102");
		this.mvc.perform(post("/api/v1/boards/{b}/budgets/2024/versions", this.board).with(user("s").roles("SECRETARY"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(good)).andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/boards/{b}/budgets/2024/versions", this.board).with(ECONOMIST)
			.contentType(MediaType.APPLICATION_JSON)
			.content(good))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/boards/" + this.board + "/budgets/2024/versions/1"))
			.andExpect(jsonPath("$.lockVersion").value(0));
		this.mvc.perform(put("/api/v1/boards/{b}/budgets/2024/versions/1", this.board).with(ECONOMIST)
			.contentType(MediaType.APPLICATION_JSON)
			.content(good.replace("\"label\": \"api\"", "\"label\": \"api\", \"lockVersion\": 7")))
			.andExpect(status().isConflict());
		this.mvc.perform(post("/api/v1/boards/{b}/budgets/2024/versions/1/decision", this.board).with(ECONOMIST)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"lockVersion\": 0, \"decidedBy\": \"§ 12\", \"decidedOn\": \"2023-12-05\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DECIDED"));
		this.mvc.perform(put("/api/v1/boards/{b}/budgets/2024/versions/1", this.board).with(ECONOMIST)
			.contentType(MediaType.APPLICATION_JSON)
			.content(good.replace("\"label\": \"api\"", "\"label\": \"api\", \"lockVersion\": 1")))
			.andExpect(status().isConflict());
		this.mvc.perform(post("/api/v1/boards/{b}/budgets/2024/versions", this.board).with(ECONOMIST)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{not json")).andExpect(status().isBadRequest());
	}

	@Test
	void apiAndPagesRefuseTheWrongPeople() throws Exception {
		this.budgets.createVersion(this.board, 2024, "ver 1.0", null, BudgetDemoAccess.proposed());

		this.mvc.perform(get("/api/v1/boards/{b}/budgets/2024", this.board)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/boards/{b}/budgets/2024", this.board).with(httpBasic("nobody", "wrong")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/boards/{b}/budgets/2024", this.board).with(MEMBER))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/boards/{b}/budgets/1999", this.board).with(ECONOMIST))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/budget")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/budget").with(MEMBER)).andExpect(status().isForbidden());
		for (RequestPostProcessor reader : List.of(CASE_OFFICER, user("s").roles("SECRETARY"), ECONOMIST,
				user("a").roles("ADMIN"))) {
			this.mvc.perform(get("/budget").with(reader)).andExpect(status().isOk());
			this.mvc.perform(get("/budget/{b}/2024", this.board).with(reader)).andExpect(status().isOk());
			this.mvc.perform(get("/budget/{b}/2024/versions/1", this.board).with(reader)).andExpect(status().isOk());
			this.mvc.perform(get("/budget/{b}/2024/compare?a=1&b=1", this.board).with(reader))
				.andExpect(status().isOk());
			this.mvc.perform(get("/budget/{b}/2024/versions/1/export.xlsx", this.board).with(reader))
				.andExpect(status().isOk());
		}
		this.mvc.perform(get("/budget/import").with(CASE_OFFICER)).andExpect(status().isForbidden());
		this.mvc.perform(post("/budget/{b}/2024/versions/1/copy", this.board).param("label", "x")
			.with(CASE_OFFICER)
			.with(csrf())).andExpect(status().isForbidden());
		this.mvc.perform(post("/budget/{b}/2024/versions/1/copy", this.board).param("label", "x").with(ECONOMIST))
			.andExpect(status().isForbidden());
	}

	@Test
	void importPreviewsTheSeedWithItsFlaggedChecksSavesNothingUntilSavedAndTheReportEmbedsIt() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "gsn-2024.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", SeedWorkbook.bytes());

		String html = this.mvc
			.perform(multipart("/budget/import").file(file)
				.param("board", this.board)
				.param("year", "2024")
				.param("label", "ver 1.0")
				.with(ECONOMIST)
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		Document preview = Jsoup.parse(html);
		assertThat(preview.select(".budget-warnings tbody tr").eachText()).anyMatch(row -> row.startsWith("Verksamheter!C7"))
			.anyMatch(row -> row.startsWith("Personal!F3") && row.contains("kolumnen ser förskjuten ut"));
		assertThat(preview.select(".budget-errors")).isEmpty();
		assertThat(this.mvc.perform(get("/api/v1/boards/{b}/budgets/2024", this.board).with(ECONOMIST))
			.andReturn().getResponse().getStatus()).isEqualTo(404);

		String data = preview.select("input[name=data]").val();
		this.mvc.perform(post("/budget/import/save").param("board", this.board)
			.param("year", "2024")
			.param("label", "ver 1.0")
			.param("fileName", "gsn-2024.xlsx")
			.param("data", data)
			.with(ECONOMIST)
			.with(csrf())).andExpect(status().is3xxRedirection());

		VersionView saved = this.budgets.version(this.board, 2024, 1);
		assertThat(saved.content().activities()).hasSize(5);
		assertThat(saved.content().staffIn(2025).orElseThrow().headcount()).isNull();
		String table = this.richText.toPlainText("Tabell:\n\n{{budget.activities board=" + this.board + " year=2024}}\n");
		assertThat(table).contains("030 Administration 0 -2 901 -3 549 6 450 0 0 0")
			.contains("-37 842 -39 103 76 943 -2");
	}

	@Test
	void badImportsSaveNothing() throws Exception {
		for (MockMultipartFile bad : List.of(new MockMultipartFile("file", "empty.xlsx", null, new byte[0]),
				new MockMultipartFile("file", "junk.xlsx", null, "not a workbook".getBytes()),
				new MockMultipartFile("file", "junk.csv", null, "a;b\n1;2\n".getBytes()))) {
			String html = this.mvc
				.perform(multipart("/budget/import").file(bad)
					.param("board", this.board)
					.param("year", "2024")
					.param("label", "x")
					.with(ECONOMIST)
					.with(csrf()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			Document preview = Jsoup.parse(html);
			assertThat(preview.select(".budget-errors tbody tr")).isNotEmpty();
			assertThat(preview.select("form[action$=/budget/import/save]")).isEmpty();
		}
		this.mvc.perform(post("/budget/import/save").param("board", this.board)
			.param("year", "2024")
			.param("label", "x")
			.param("fileName", "junk.xlsx")
			.param("data", "bm90IGEgd29ya2Jvb2s=")
			.with(ECONOMIST)
			.with(csrf())).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/boards/{b}/budgets/2024", this.board).with(ECONOMIST))
			.andExpect(status().isNotFound());
	}

	@Test
	void embedRendersThePinnedVersionAndOtherwiseTheNewestDecided() {
		VersionView first = this.budgets.createVersion(this.board, 2024, "beslut", null, BudgetDemoAccess.earlier());
		this.budgets.decide(this.board, 2024, 1, first.lockVersion(), "§ 27", LocalDate.of(2023, 6, 13));
		this.budgets.createVersion(this.board, 2024, "ver 1.0", 1, BudgetDemoAccess.proposed());

		String unpinned = this.richText.toPlainText("{{budget.costtypes board=" + this.board + " year=2024}}");
		String pinned = this.richText.toPlainText("{{budget.costtypes board=" + this.board + " year=2024 version=2}}");
		String changes = this.richText.toPlainText("{{budget.changes board=" + this.board + " year=2024 version=2}}");
		String missing = this.richText.toPlainText("{{budget.costtypes board=" + this.board + " year=2099}}");

		assertThat(unpinned).contains("Budget 2024 21 842");
		assertThat(pinned).contains("Budget 2024 22 470");
		assertThat(changes).contains("cirka 1,0 mSEK mot tidigare beräknade 0,5 mSEK");
		assertThat(missing).isEqualTo("Inbäddningen kunde inte visas: det finns inget att visa för " + this.board
				+ " år 2099. [budget.costtypes]");
		Map<String, String> variables = Map.of("BOARD", this.board,
				"BOARD_NAME", this.organisation.findBoard(this.board).orElseThrow().getName());
		for (String table : List.of("activities", "costtypes", "staff", "investments", "assumptions", "changes",
				"totals")) {
			for (String version : List.of("1", "2")) {
				Characterisation.assertUnchanged("budget-" + table + "-" + version, this.richText
					.toHtml("{{budget." + table + " board=" + this.board + " year=2024 version=" + version + "}}"),
						variables);
			}
		}
	}

}
