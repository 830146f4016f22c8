package se.paragraf.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The masking review in the JSON API: the review, adding passages, confirming and removing, and
 * bad input answered as problem+json.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MaskingApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Masking masking;

	@Autowired
	TestDocuments documents;

	MaskableDocument document;

	MaskableSection section = new MaskableSection("item-1", "§ 1", "<p>Anna Svensson, 811218-9876.</p>");

	@BeforeEach
	void document() {
		this.document = this.documents.add("Kallelse", this.section);
	}

	@Test
	void listsSectionsWithTheirProposedMasks() throws Exception {
		this.mvc.perform(get("/api/v1/masking/{key}", this.document.key()).with(secretary()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Kallelse"))
			.andExpect(jsonPath("$.reviewed").value(false))
			.andExpect(jsonPath("$.pending").value(1))
			.andExpect(jsonPath("$.sections[0].key").value("item-1"))
			.andExpect(jsonPath("$.sections[0].masks[0].kind").value("IDENTITY_NUMBER"))
			.andExpect(jsonPath("$.sections[0].masks[0].text").value("811218-9876"))
			.andExpect(jsonPath("$.sections[0].masks[0].state").value("PROPOSED"))
			.andExpect(jsonPath("$.sections[0].masks[0].masked").value(true));
	}

	@Test
	void addsAPassageAndAnswers201() throws Exception {
		this.mvc
			.perform(post("/api/v1/masking/{key}/masks", this.document.key()).with(secretary())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"section\":\"item-1\",\"passage\":\"Anna Svensson\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("PASSAGE"))
			.andExpect(jsonPath("$.state").value("CONFIRMED"))
			.andExpect(jsonPath("$.createdBy").value("sekreterare"))
			.andExpect(jsonPath("$.occurrences").value(1));
		assertThat(this.masking.masked(this.document.key(), this.section)).doesNotContain("Anna Svensson");
	}

	@Test
	void answersBadPassagesWith400AndTheField() throws Exception {
		passage("{\"section\":\"item-1\",\"passage\":\"Bo Berg\"}", "passage", "Texten finns inte i avsnittet. Skriv den exakt som den står.");
		passage("{\"section\":\"item-1\"}", "passage", "Skriv den text som ska maskeras.");
		passage("{\"passage\":\"Anna\"}", "section", "Ange avsnittet.");
		passage("{\"section\":\"item-9\",\"passage\":\"Anna\"}", "section", "Dokumentet har inget sådant avsnitt.");
		passage("{\"section\":\"item-1\",\"passage\":\"" + "x".repeat(501) + "\"}", "passage",
				"Texten får vara högst 500 tecken.");
		this.mvc
			.perform(post("/api/v1/masking/{key}/masks", this.document.key()).with(secretary())
				.contentType(MediaType.APPLICATION_JSON)
				.content("not json"))
			.andExpect(status().isBadRequest());
		assertThat(this.masking.review(this.document.key()).sections().get(0).masks())
			.noneMatch(m -> m.kind() == MaskKind.PASSAGE);
	}

	@Test
	void removingAndConfirmingDecidesWhetherTheNumberIsPublished() throws Exception {
		long id = this.masking.review(this.document.key()).sections().get(0).masks().get(0).id();
		this.mvc.perform(delete("/api/v1/masking/{key}/masks/{id}", this.document.key(), id).with(secretary()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("REMOVED"))
			.andExpect(jsonPath("$.masked").value(false))
			.andExpect(jsonPath("$.decidedBy").value("sekreterare"));
		assertThat(this.masking.masked(this.document.key(), this.section)).contains("811218-9876");
		this.mvc.perform(post("/api/v1/masking/{key}/masks/{id}/confirmation", this.document.key(), id).with(secretary()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("CONFIRMED"));
		assertThat(this.masking.masked(this.document.key(), this.section)).doesNotContain("811218-9876");
	}

	@Test
	void marksTheDocumentReviewed() throws Exception {
		this.mvc.perform(post("/api/v1/masking/{key}/review", this.document.key()).with(secretary()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.by").value("sekreterare"));
		this.mvc.perform(get("/api/v1/masking/{key}", this.document.key()).with(secretary()))
			.andExpect(jsonPath("$.reviewed").value(true))
			.andExpect(jsonPath("$.reviewedBy.by").value("sekreterare"))
			.andExpect(jsonPath("$.pending").value(0));
	}

	@Test
	void answersUnknownDocumentsAndMasksWith404() throws Exception {
		this.mvc.perform(get("/api/v1/masking/{key}", "no-such-document").with(secretary()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(delete("/api/v1/masking/{key}/masks/{id}", this.document.key(), Long.MAX_VALUE).with(secretary()))
			.andExpect(status().isNotFound());
		MaskableDocument other = this.documents.add("Annat", this.section);
		long foreign = this.masking.review(other.key()).sections().get(0).masks().get(0).id();
		this.mvc.perform(delete("/api/v1/masking/{key}/masks/{id}", this.document.key(), foreign).with(secretary()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/masking/{key}/review", "no-such-document").with(secretary()))
			.andExpect(status().isNotFound());
	}

	@Test
	void refusesOtherRolesAndAnonymousCallers() throws Exception {
		this.mvc.perform(get("/api/v1/masking/{key}", this.document.key())).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/masking/{key}", this.document.key()).with(user("m").roles("MEMBER")))
			.andExpect(status().isForbidden());
		long id = this.masking.review(this.document.key()).sections().get(0).masks().get(0).id();
		this.mvc.perform(delete("/api/v1/masking/{key}/masks/{id}", this.document.key(), id)
			.with(user("c").roles("CASE_OFFICER"))).andExpect(status().isForbidden());
		assertThat(this.masking.masked(this.document.key(), this.section)).doesNotContain("811218-9876");
	}

	private void passage(String body, String field, String message) throws Exception {
		this.mvc
			.perform(post("/api/v1/masking/{key}/masks", this.document.key()).with(secretary())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message").value(message));
	}

	private static RequestPostProcessor secretary() {
		return user("sekreterare").roles("SECRETARY");
	}

}
