package se.paragraf.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The masking review screen: what the secretary sees, the per-mask actions with and without htmx,
 * bad input answered beside the field, and who may use it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MaskingPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Masking masking;

	@Autowired
	TestDocuments documents;

	MaskableDocument document;

	MaskableSection withNumber = new MaskableSection("item-1", "§ 1 Ansökan om bidrag",
			"<p>Sökande Anna Svensson, 19121212-1212.</p>");

	MaskableSection plain = new MaskableSection("item-2", "§ 2 Information", "<p>Förvaltningen informerar.</p>");

	@BeforeEach
	void document() {
		this.document = this.documents.add("Protokoll 2023-12-05", this.withNumber, this.plain);
	}

	@Test
	void showsEachSectionWithDetectedNumbersHighlighted() throws Exception {
		String page = this.mvc.perform(get("/masking/{key}", this.document.key()).with(secretary()))
			.andExpect(status().isOk())
			.andExpect(view().name("documents/masking"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Protokoll 2023-12-05", "§ 1 Ansökan om bidrag", "§ 2 Informatio",
				"<mark>19121212-1212</mark>", "Föreslagen (maskeras)", "Markera som granskad", "Text att maskera i § 1 Ansökan om bidrag");
	}

	@Test
	void removingAMaskWithHtmxAnswersWithItsSectionOnly() throws Exception {
		long id = proposalId();
		String fragment = this.mvc
			.perform(post("/masking/{key}/masks/{id}/removal", this.document.key(), id).with(secretary())
				.with(csrf())
				.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(view().name("documents/masking :: maskSection"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fragment).contains("id=\"mask-section-0\"", "Maskeras inte").doesNotContain("<h1", "§ 2 Information");
		assertThat(this.masking.masked(this.document.key(), this.withNumber)).contains("19121212-1212");
	}

	@Test
	void confirmingAMaskWithoutHtmxReturnsToTheReview() throws Exception {
		long id = proposalId();
		this.mvc
			.perform(post("/masking/{key}/masks/{id}/confirmation", this.document.key(), id).with(secretary()).with(csrf()))
			.andExpect(redirectedUrl("/masking/" + this.document.key()));
		assertThat(this.masking.review(this.document.key()).sections().get(0).masks().get(0).state())
			.isEqualTo(MaskState.CONFIRMED);
	}

	@Test
	void addsAPassageAndMasksIt() throws Exception {
		this.mvc
			.perform(post("/masking/{key}/masks", this.document.key()).with(secretary())
				.with(csrf())
				.param("section", "item-1")
				.param("passage", "Anna Svensson"))
			.andExpect(redirectedUrl("/masking/" + this.document.key()))
			.andExpect(flash().attribute("message", "Texten maskeras i den publicerade versionen."));
		assertThat(this.masking.masked(this.document.key(), this.withNumber)).doesNotContain("Anna Svensson");
	}

	@Test
	void addingAPassageWithHtmxAnswersWithTheSectionShowingIt() throws Exception {
		this.mvc
			.perform(post("/masking/{key}/masks", this.document.key()).with(secretary())
				.with(csrf())
				.header("HX-Request", "true")
				.param("section", "item-1")
				.param("passage", "Anna Svensson"))
			.andExpect(status().isOk())
			.andExpect(view().name("documents/masking :: maskSection"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("<mark>Anna Svensson</mark>")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bo Berg", "   " })
	void explainsBesideTheFieldWhenThePassageCannotBeMasked(String passage) throws Exception {
		String page = this.mvc
			.perform(post("/masking/{key}/masks", this.document.key()).with(secretary())
				.with(csrf())
				.param("section", "item-1")
				.param("passage", passage))
			.andExpect(status().isOk())
			.andExpect(view().name("documents/masking"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String message = passage.isBlank() ? "Skriv den text som ska maskeras." : "Texten finns inte i avsnittet.";
		assertThat(page).contains("id=\"passage-0-error\"", message, "aria-invalid=\"true\"");
		if (!passage.isBlank()) {
			assertThat(page).contains("value=\"Bo Berg\"");
		}
		assertThat(page.indexOf(message)).as("message shown once, at section 1").isEqualTo(page.lastIndexOf(message));
		assertThat(this.masking.review(this.document.key()).sections().get(0).masks())
			.noneMatch(m -> m.kind() == MaskKind.PASSAGE);
	}

	@Test
	void explainsAnUnknownSectionOnThePage() throws Exception {
		this.mvc
			.perform(post("/masking/{key}/masks", this.document.key()).with(secretary())
				.with(csrf())
				.param("section", "no-such-section")
				.param("passage", "Anna"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Dokumentet har inget sådant avsnitt.")));
	}

	@Test
	void markingReviewedReturnsToTheDocument() throws Exception {
		this.mvc.perform(post("/masking/{key}/review", this.document.key()).with(secretary()).with(csrf()))
			.andExpect(redirectedUrl("/meetings"))
			.andExpect(flash().attribute("message", "Maskeringen är granskad."));
		assertThat(this.masking.isReviewed(this.document.key())).isTrue();
	}

	@Test
	void answersAnUnknownDocumentOrMaskWith404() throws Exception {
		this.mvc.perform(get("/masking/{key}", "no-such-document").with(secretary())).andExpect(status().isNotFound());
		this.mvc.perform(post("/masking/{key}/masks/{id}/removal", this.document.key(), Long.MAX_VALUE).with(secretary())
			.with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void refusesAPostWithoutTheCsrfToken() throws Exception {
		long id = proposalId();
		this.mvc.perform(post("/masking/{key}/masks/{id}/removal", this.document.key(), id).with(secretary()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/masking/{key}/review", this.document.key()).with(secretary()))
			.andExpect(status().isForbidden());
		assertThat(this.masking.masked(this.document.key(), this.withNumber)).doesNotContain("19121212-1212");
		assertThat(this.masking.isReviewed(this.document.key())).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "CASE_OFFICER", "ECONOMIST", "MEMBER", "SUBSTITUTE" })
	void letsOnlySecretariesAndAdministratorsReviewMasking(String role) throws Exception {
		long id = proposalId();
		RequestPostProcessor other = user("other-" + role).roles(role);
		this.mvc.perform(get("/masking/{key}", this.document.key()).with(other)).andExpect(status().isForbidden());
		this.mvc.perform(post("/masking/{key}/masks/{id}/removal", this.document.key(), id).with(other).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.masking.masked(this.document.key(), this.withNumber)).doesNotContain("19121212-1212");
		this.mvc.perform(get("/masking/{key}", this.document.key()).with(user("admin-x").roles("ADMIN")))
			.andExpect(status().isOk());
	}

	private long proposalId() {
		return this.masking.review(this.document.key()).sections().get(0).masks().get(0).id();
	}

	private static RequestPostProcessor secretary() {
		return user("sekreterare").roles("SECRETARY");
	}

}
