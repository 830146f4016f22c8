package se.paragraf.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * An admin gives an administration its letterhead: a logo with a script is refused beside the file
 * input, a clean SVG is taken, and the board's page shows that it borrows the administration's
 * letterhead; at desktop and phone width, every page passing axe-core and HTML_CodeSniffer.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LetterheadBrowserTests {

	private static final String PASSWORD = "browser-letterhead-password";

	@LocalServerPort
	int port;

	@Autowired
	Organisation organisation;

	@Autowired
	AccountService accounts;

	BoardWithPeople board;

	String admin;

	Chromium chromium;

	@BeforeEach
	void anAdminAndABoard() {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		this.admin = "lh-" + this.board.code().toLowerCase();
		this.accounts.create(this.admin, PASSWORD, EnumSet.of(Role.ADMIN), null);
		this.chromium = new Chromium("http://localhost:" + this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.chromium.close();
	}

	@Test
	void anAdminSetsTheAdministrationsLetterheadAndTheBoardBorrowsIt() throws Exception {
		Path shots = Path.of("target", "screenshots");
		Files.createDirectories(shots);
		Path scripted = shots.resolve("scripted.svg");
		Files.writeString(scripted, "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
		Path logo = Path.of("src/main/resources/demo/letterhead-logo.svg");

		Page page = this.chromium.newPage();
		page.setViewportSize(1280, 900);
		this.chromium.signIn(page, this.admin, PASSWORD);
		page.navigate("/admin/organisation#letterheads");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
			.setName("Ändra brevhuvud för " + this.organisation.administration(this.board.board().getAdministrationId()).getName()))
			.click();
		this.chromium.checkAccessibility(page);

		// Numbers as Swedish writes them: "1024 kB", never "1 024".
		assertThat(page.locator("#letterhead-logo-hint")).containsText("1024 kB");
		page.getByLabel("Namn i brevhuvudet").fill("Ludvika kommun");
		page.getByLabel("Adress").fill("IT-center\n771 82 Ludvika\n0240-860 00");
		page.getByLabel("Logotyp").setInputFiles(scripted);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara")).click();
		assertThat(page.locator("#letterhead-logo-error")).containsText("skript");
		this.chromium.checkAccessibility(page);
		page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("letterhead-refused-1280.png")).setFullPage(true));

		page.getByLabel("Logotyp").setInputFiles(logo);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara")).click();
		assertThat(page.locator(".flash")).containsText("är sparat");
		assertThat(page.locator(".letterhead-preview img.letterhead-logo")).isVisible();
		assertThat(page.locator(".letterhead-preview")).containsText("771 82 Ludvika");
		this.chromium.checkAccessibility(page);
		page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("letterhead-1280.png")).setFullPage(true));
		page.setViewportSize(390, 844);
		page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("letterhead-390.png")).setFullPage(true));
		// No sideways scrolling on a phone.
		org.assertj.core.api.Assertions.assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
			.isLessThanOrEqualTo(390);

		page.setViewportSize(1280, 900);
		page.navigate("/admin/organisation/letterheads/board/" + this.board.board().getId());
		assertThat(page.locator(".letterhead-preview")).containsText("använder förvaltningens");
		assertThat(page.locator(".letterhead-preview")).containsText("Ludvika kommun");
		this.chromium.checkAccessibility(page);
		this.chromium.assertNoSeriousAccessibilityViolations();
	}

}
