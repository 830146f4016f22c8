package se.paragraf.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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

import se.paragraf.documents.MaskableDocument;
import se.paragraf.documents.MaskableSection;
import se.paragraf.documents.Masking;
import se.paragraf.documents.TestDocuments;
import se.paragraf.people.OrganisationFixtures;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Role;

/**
 * A secretary reviews the masking of a document: removes a detected number's mask and takes it
 * back (htmx, no reload), fixes a passage that is not in the section, and marks the review; every
 * state of the page passes axe-core.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MaskingBrowserTests {

	private static final String PASSWORD = "browser-secretary-password";

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	TestDocuments documents;

	@Autowired
	Masking masking;

	String secretary;

	Chromium chromium;

	@BeforeEach
	void aSecretary() {
		this.secretary = "sekr-" + OrganisationFixtures.boardCode().toLowerCase();
		this.accounts.create(this.secretary, PASSWORD, EnumSet.of(Role.SECRETARY), null);
		this.chromium = new Chromium("http://localhost:" + this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.chromium.close();
	}

	@Test
	void aSecretaryReviewsTheMasksOfADocument() {
		MaskableSection application = new MaskableSection("item-1", "§ 1 Ansökan om bidrag",
				"<p>Sökande Anna Svensson, 19121212-1212, Storgatan 1.</p>");
		MaskableDocument document = this.documents.add("Protokoll 2023-12-05", application,
				new MaskableSection("item-2", "§ 2 Information", "<p>Förvaltningen informerar.</p>"));
		Page page = this.chromium.newPage();
		this.chromium.signIn(page, this.secretary, PASSWORD);

		page.navigate("/masking/" + document.key());
		assertThat(page.locator("#mask-section-0 mark")).hasText("19121212-1212");
		this.chromium.checkAccessibility(page);

		button(page, "Ta bort maskering av 19121212-1212").click();
		assertThat(page.locator("#mask-section-0")).containsText("Maskeras inte");
		assertThat(this.masking.masked(document.key(), application)).contains("19121212-1212");
		button(page, "Maskera 19121212-1212").click();
		assertThat(button(page, "Ta bort maskering av 19121212-1212")).isVisible();

		Locator passage = page.getByLabel("Text att maskera i § 1 Ansökan om bidrag");
		passage.fill("Anna Svenson");
		passage.press("Enter");
		assertThat(page.locator("#passage-0-error")).containsText("finns inte i avsnittet");
		assertThat(page.getByLabel("Text att maskera i § 1 Ansökan om bidrag")).hasValue("Anna Svenson");
		this.chromium.checkAccessibility(page);
		page.getByLabel("Text att maskera i § 1 Ansökan om bidrag").fill("Anna Svensson");
		button(page, "Maskera texten").first().click();
		assertThat(page.locator("#mask-section-0 mark").first()).hasText("Anna Svensson");

		button(page, "Markera som granskad").click();
		page.waitForURL("**/meetings**");
		assertThat(this.masking.isReviewed(document.key())).isTrue();
		assertThat(this.masking.masked(document.key(), application)).doesNotContain("Anna Svensson", "19121212-1212");
		this.chromium.assertNoSeriousAccessibilityViolations();
	}

	private static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

}
