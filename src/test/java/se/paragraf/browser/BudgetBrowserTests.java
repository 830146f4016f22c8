package se.paragraf.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.paragraf.budget.SeedWorkbook;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * An economist (a controller who also writes officer reports) imports the seed's budget workbook,
 * sees the preview with the flagged checks, saves it, and finds the live table in the officer report
 * that embeds it; every page passes axe-core without serious or critical violations.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BudgetBrowserTests {

	private static final String PASSWORD = "browser-test-password";

	@LocalServerPort
	int port;

	@Autowired
	Organisation organisation;

	@Autowired
	AccountService accounts;

	@Autowired
	MatterRegister register;

	BoardWithPeople board;

	String username;

	Matter matter;

	Chromium chromium;

	@BeforeEach
	void reportThatEmbedsTheBudget() {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		this.username = "eko-" + this.board.code().toLowerCase();
		this.accounts.create(this.username, PASSWORD, EnumSet.of(Role.ECONOMIST, Role.CASE_OFFICER), null);
		this.matter = this.register.register(this.board.code(), "Detaljbudget 2024");
		this.register.writeReport(this.matter.getId(), new ReportContent("", ProposalKind.ADMINISTRATION_PROPOSAL,
				List.of("Nämnden godkänner driftdetaljbudgeten för 2024."), "",
				"Detaljbudgeten per verksamhet:\n\n{{budget.activities board=" + this.board.code() + " year=2024}}\n",
				"", this.board.caseOfficer().getId(), LocalDate.of(2023, 11, 21), List.of()), 0);
		this.chromium = new Chromium("http://localhost:" + this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.chromium.close();
	}

	@Test
	void anEconomistImportsTheSeedWorkbookReviewsTheChecksAndSeesTheTableInTheReport() {
		Page page = this.chromium.newPage();
		this.chromium.signIn(page, this.username, PASSWORD);

		page.navigate("/budget/import?board=" + this.board.code() + "&year=2024");
		this.chromium.checkAccessibility(page);
		page.getByLabel("Benämning på ny version").fill("Gemensamma Servicenämnden bud 2024 ver 1.0");
		page.getByLabel("Fil (.xlsx eller .csv)")
			.setInputFiles(new FilePayload("gsn-2024.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", SeedWorkbook.bytes()));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Förhandsgranska")).click();

		assertThat(page.locator("h1")).containsText("Förhandsgranskning av gsn-2024.xlsx");
		assertThat(page.locator(".budget-warnings")).containsText("Verksamheter!C7");
		assertThat(page.locator(".budget-warnings")).containsText("Personal!F3");
		assertThat(page.locator(".budget-warnings")).containsText("kolumnen ser förskjuten ut");
		assertThat(page.locator(".budget-errors")).hasCount(0);
		this.chromium.checkAccessibility(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara som ny version")).click();

		assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("sparades som version 1");
		assertThat(page.locator("table.budget-activities tr.total")).containsText("-37 842");
		this.chromium.checkAccessibility(page);

		page.navigate("/matters/" + this.matter.getId());
		assertThat(page.locator("table.budget-activities")).containsText("030 Administration");
		assertThat(page.locator("table.budget-activities tr.total")).containsText("76 943");
		this.chromium.checkAccessibility(page);
		this.chromium.assertNoSeriousAccessibilityViolations();
	}

}
