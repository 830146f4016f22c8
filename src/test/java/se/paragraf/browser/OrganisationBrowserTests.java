package se.paragraf.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.paragraf.people.Organisation;
import se.paragraf.people.OrganisationFixtures;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Accounts;
import se.paragraf.shared.security.Role;

/**
 * An admin builds a joint board through the organisation screen (htmx forms, no page reloads),
 * fixes a rejected input, and creates an account for a member; every page passes axe-core.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganisationBrowserTests {

	private static final String PASSWORD = "browser-admin-password";

	@LocalServerPort
	int port;

	@Autowired
	Organisation organisation;

	@Autowired
	AccountService accounts;

	@Autowired
	Accounts accountRepository;

	String admin;

	Chromium chromium;

	@BeforeEach
	void anAdmin() {
		this.admin = "admin-" + OrganisationFixtures.boardCode().toLowerCase();
		this.accounts.create(this.admin, PASSWORD, EnumSet.of(Role.ADMIN), null);
		this.chromium = new Chromium("http://localhost:" + this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.chromium.close();
	}

	@Test
	void anAdminBuildsAJointBoardAndCreatesAnAccount() {
		Page page = this.chromium.newPage();
		this.chromium.signIn(page, this.admin, PASSWORD);

		page.navigate("/admin/organisation");
		this.chromium.checkAccessibility(page);
		String host = OrganisationFixtures.unique("Värd");
		String partner = OrganisationFixtures.unique("Partner");
		addMunicipality(page, host, OrganisationFixtures.municipalityCode(this.organisation));

		// A code of three digits is refused beside the input, and the name typed stays.
		exact(page, "Kommunens namn").fill(partner);
		exact(page, "Kommunkod").fill("123");
		button(page, "Lägg till kommun").click();
		assertThat(page.locator("#municipality-code-error")).containsText("fyra siffror");
		assertThat(exact(page, "Kommunens namn")).hasValue(partner);
		this.chromium.checkAccessibility(page);
		exact(page, "Kommunkod").fill(OrganisationFixtures.municipalityCode(this.organisation));
		button(page, "Lägg till kommun").click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText(partner);

		String code = OrganisationFixtures.boardCode();
		exact(page, "Nämndens kod").fill(code.toLowerCase());
		exact(page, "Nämndens namn").fill("Gemensamma testnämnden");
		exact(page, "Slag av nämnd").selectOption("JOINT");
		exact(page, "Värdkommun").selectOption(new SelectOption().setLabel(host));
		button(page, "Lägg till nämnd").click();
		assertThat(page.locator("#board-partners-error")).containsText("minst en samverkande kommun");
		exact(page, partner).check();
		button(page, "Lägg till nämnd").click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Gemensamma testnämnden");
		assertThat(page.locator("#boards tbody")).containsText(code);

		exact(page, "Förnamn").fill("Leif");
		String last = OrganisationFixtures.unique("Pettersson");
		exact(page, "Efternamn").fill(last);
		exact(page, "E-post").fill("leif@example.se");
		button(page, "Lägg till person").click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Leif " + last);

		exact(page, "Person").selectOption(new SelectOption().setLabel("Leif " + last));
		exact(page, "Nämnd").selectOption(new SelectOption().setLabel("Gemensamma testnämnden"));
		exact(page, "Roll").selectOption("CHAIR");
		exact(page, "Mandatperiod från").fill("2023-01-01");
		exact(page, "Mandatperiod till").fill("2026-12-31");
		button(page, "Lägg till uppdrag").click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Leif " + last);
		assertThat(page.locator("#memberships")).containsText("Ordförande");
		this.chromium.checkAccessibility(page);

		page.navigate("/admin/organisation/boards/" + code);
		this.chromium.checkAccessibility(page);

		page.navigate("/admin/accounts");
		this.chromium.checkAccessibility(page);
		String username = "leif-" + code.toLowerCase();
		exact(page, "Användarnamn").fill(username);
		exact(page, "Ledamot").check();
		exact(page, "Kopplad till person").selectOption(new SelectOption().setLabel("Leif " + last));
		page.getByLabel("Lösenord (minst 12 tecken)").fill("kort");
		page.getByLabel("Upprepa lösenordet").fill("kort");
		button(page, "Skapa konto").click();
		assertThat(page.locator("#account-password-error")).containsText("minst 12 tecken");
		this.chromium.checkAccessibility(page);
		page.getByLabel("Lösenord (minst 12 tecken)").fill("ett-långt-lösenord");
		page.getByLabel("Upprepa lösenordet").fill("ett-långt-lösenord");
		button(page, "Skapa konto").click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText(username);
		assertThat(this.accountRepository.findByUsername(username)).isPresent();
		this.chromium.assertNoSeriousAccessibilityViolations();
	}

	private void addMunicipality(Page page, String name, String code) {
		exact(page, "Kommunens namn").fill(name);
		exact(page, "Kommunkod").fill(code);
		button(page, "Lägg till kommun").click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText(name);
	}

	private static Locator exact(Page page, String label) {
		return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
	}

	private static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

}
