package se.paragraf.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.paragraf.internalcontrol.ControlPlan;
import se.paragraf.internalcontrol.ControlPointDefinition;
import se.paragraf.internalcontrol.InternalControlManagement;
import se.paragraf.internalcontrol.Origin;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * A case officer records the follow-up of a common control point with a remark (MA) in the form,
 * is first told that MA needs the remark, then sees the follow-up in the board's Bilaga 1; every
 * page visited passes axe-core without serious or critical violations.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FollowUpBrowserTests {

	private static final String PASSWORD = "browser-test-password";

	@LocalServerPort
	int port;

	@Autowired
	Organisation organisation;

	@Autowired
	AccountService accounts;

	@Autowired
	InternalControlManagement control;

	@Autowired
	se.paragraf.plans.PlanManagement plans;

	BoardWithPeople board;

	String username;

	Chromium chromium;

	@BeforeEach
	void boardWithTheCommonPlan() {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		ControlPlan common = this.control.createPlan(Origin.COMMON, this.board.board().getHostMunicipalityId(), null,
				2023, null, "Kommunstyrelsen 2022-11-01 § 138", LocalDate.of(2022, 11, 1));
		this.control.addPoint(common.getId(), new ControlPointDefinition("Följs checklistan för introduktion vid nyanställning?",
				null, "Stickprov", "En gång per år", null, "IT-chef", "Nämnden"));
		this.control.addPoint(common.getId(), new ControlPointDefinition("Följs koncernens projektmodell?", null,
				"Genomgång av årets projekt", "En gång per år", null, "IT-chef", "Nämnden"));
		this.username = "ic-" + this.board.code().toLowerCase();
		this.accounts.create(this.username, PASSWORD, EnumSet.of(Role.CASE_OFFICER), null);
		this.chromium = new Chromium("http://localhost:" + this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.chromium.close();
	}

	@Test
	void aCaseOfficerRecordsAFollowUpWithRemarkAndSeesItInBilaga1() {
		Page page = this.chromium.newPage();
		this.chromium.signIn(page, this.username, PASSWORD);

		page.navigate("/internal-control/dashboard?year=2023");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(this.board.board().getName())))
			.isVisible();
		this.chromium.checkAccessibility(page);

		page.navigate("/internal-control/boards/" + this.board.code() + "/2023");
		this.chromium.checkAccessibility(page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Följs koncernens projektmodell?")).click();
		assertThat(page.locator("h1")).hasText("Uppföljning av kontrollpunkt");
		this.chromium.checkAccessibility(page);

		page.getByLabel("Ja", new Page.GetByLabelOptions().setExact(true)).check();
		page.getByLabel("MA – med anmärkning").check();
		page.getByLabel("Datum för uppföljningen").fill("2023-08-30");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skicka in")).click();
		assertThat(page.locator("#remark-error")).hasText("Skriv anmärkningen: resultatet är MA (med anmärkning).");
		this.chromium.checkAccessibility(page);

		page.getByLabel("Anmärkning", new Page.GetByLabelOptions().setExact(true)).fill(
				"Mallar används som stöd, men beroende på projekt så uppväger inte den ökade administrationen den faktiska nyttan.");
		page.getByLabel("Slag av åtgärd 1").selectOption("PROPOSED");
		page.getByLabel("Åtgärd 1", new Page.GetByLabelOptions().setExact(true)).fill("Förenkla mallarna för små projekt");
		page.getByLabel("Ansvarig för åtgärd 1").fill("IT-chef");
		page.getByLabel("Åtgärd 1 klar senast").fill("2024-03-31");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skicka in")).click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("inskickad och låst");

		page.navigate("/internal-control/boards/" + this.board.code() + "/2023");
		// The point is the row header that every mark and remark in the row is announced with.
		Locator row = page.locator("table.followup tbody tr", new Page.LocatorOptions().setHasText("projektmodell"));
		assertThat(row.locator("th, td")).hasText(new String[] { "2 Följs koncernens projektmodell?", "x", "", "", "x",
				"Mallar används som stöd, men beroende på projekt så uppväger inte den ökade administrationen den faktiska nyttan.",
				"Föreslagen: Förenkla mallarna för små projekt (IT-chef, 2024-03-31)" });
		this.chromium.checkAccessibility(page);
		this.chromium.assertNoSeriousAccessibilityViolations();
	}

	@Test
	void thePlanAndInternalControlPagesPassAxe() {
		se.paragraf.plans.OperationsPlan plan = this.plans.createPlan(this.board.code(), 2024,
				"Verksamhetsplan 2024 – IT-center", "Verksamhetsplanen utgår från riktlinjerna.");
		this.plans.addSection(plan.getId(), se.paragraf.plans.SectionKind.GOALS, "Mål och prioriteringar", "Ingress.");
		this.plans.addPriority(plan.getId(), "Att utveckla Digitaliseringsportföljen");
		se.paragraf.plans.StrategicGoal goal = this.plans.addGoal(plan.getId(), "Vi erbjuder en stabil och god service",
				"Vårt uppdrag formas av kundens behov.", 2022, 2025);
		this.plans.addIndicator(goal.getId(), se.paragraf.plans.IndicatorDefinition.internal("Mätvärde i årlig enkät"));
		this.control.defineMatrix(this.board.board().getHostMunicipalityId(), java.util.List.of("Låg", "Hög"),
				java.util.List.of("Liten", "Stor"));
		Long analysis = this.control.startAnalysis(Origin.BOARD, null, this.board.code(), 2023).getId();
		Long own = this.control.createPlan(Origin.BOARD, null, this.board.code(), 2023, analysis, null, null).getId();
		Page page = this.chromium.newPage();
		this.chromium.signIn(page, this.username, PASSWORD);

		for (String path : java.util.List.of("/plans", "/plans/" + plan.getId(), "/internal-control?year=2023",
				"/internal-control/plans/" + own, "/internal-control/analyses/" + analysis,
				"/internal-control/report?municipality=" + this.board.board().getHostMunicipalityId() + "&year=2023")) {
			page.navigate(path);
			assertThat(page.locator("h1")).isVisible();
			this.chromium.checkAccessibility(page);
		}
		this.chromium.assertNoSeriousAccessibilityViolations();
	}

}
