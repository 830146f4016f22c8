package se.paragraf.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.paragraf.shared.security.Keycloak;

/**
 * A secretary signs in through Keycloak's own login page, as she would through her organisation's
 * provider: the login page offers "Logga in med Keycloak", Keycloak asks for her password, and she
 * lands in Paragraf as a secretary; logging out brings her back to Paragraf's login page. Paragraf's
 * pages pass axe-core and HTML_CodeSniffer (Keycloak's page is Keycloak's).
 */
@Tag("browser")
@Tag("keycloak")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SingleSignOnBrowserTests {

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		registry.add("paragraf.security.sso.issuer-uri", () -> Keycloak.get().issuer());
		registry.add("paragraf.security.sso.client-id", () -> Keycloak.CLIENT_ID);
		registry.add("paragraf.security.sso.client-secret", () -> Keycloak.CLIENT_SECRET);
		registry.add("paragraf.security.sso.provider-name", () -> "Keycloak");
	}

	@LocalServerPort
	int port;

	Chromium chromium;

	@BeforeEach
	void openBrowser() {
		this.chromium = new Chromium("http://localhost:" + this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.chromium.close();
	}

	@Test
	void aSecretarySignsInThroughKeycloaksLoginPageAndLandsAsSecretary() {
		Page page = this.chromium.newPage();
		page.navigate("/login");
		this.chromium.checkAccessibility(page);
		// For a person to look at: the login page at desktop and phone width.
		for (int width : new int[] { 1280, 390 }) {
			page.setViewportSize(width, 800);
			page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(java.nio.file.Path.of("target", "screenshots", "login-sso-" + width + ".png")));
		}
		page.setViewportSize(1280, 800);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Logga in med Keycloak")).click();

		// Keycloak's own login page
		// (Playwright hands the pattern to JavaScript, which knows no \Q…\E quoting.)
		assertThat(page).hasURL(Pattern.compile("^http://127\\.0\\.0\\.1:\\d+/realms/paragraf/protocol/openid-connect/auth\\?.*"));
		page.locator("#username").fill("sso-sekreterare");
		page.locator("#password").fill(Keycloak.PASSWORD);
		page.locator("#kc-login").click();

		assertThat(page).hasURL("http://localhost:" + this.port + "/");
		assertThat(page.locator(".site-header .account")).containsText("sso-sekreterare");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sammanträden").setExact(true)))
			.isVisible();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Organisation").setExact(true)))
			.hasCount(0);
		this.chromium.checkAccessibility(page);
		page.navigate("/meetings");
		assertThat(page.locator("h1")).isVisible();
		this.chromium.checkAccessibility(page);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logga ut")).click();
		assertThat(page).hasURL("http://localhost:" + this.port + "/login?logout");
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Du är utloggad");
		this.chromium.checkAccessibility(page);
		this.chromium.assertNoSeriousAccessibilityViolations();
	}

	@Test
	void theLoginPageInEnglishOffersTheProviderToo() {
		Page page = this.chromium.newPage();
		page.navigate("/login?lang=en");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Keycloak"))).isVisible();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("With username and password")))
			.isVisible();
		this.chromium.checkAccessibility(page);
		this.chromium.assertNoSeriousAccessibilityViolations();
	}

}
