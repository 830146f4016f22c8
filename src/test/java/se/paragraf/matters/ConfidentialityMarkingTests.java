package se.paragraf.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;

/**
 * Secrecy marks on matters and attachments, on the matter page and in the API: a mark needs its
 * ground in OSL, a stale version is refused, the history says who marked what, and an attachment
 * of a secret matter is secret too.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConfidentialityMarkingTests {

	private static final RequestPostProcessor OFFICER = user("handlaggare").roles("CASE_OFFICER");

	private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes();

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	Matter matter;

	Attachment attachment;

	@BeforeEach
	void matterWithAnAttachment() {
		this.matter = this.register.register(PeopleFixtures.jointBoard(this.organisation).code(), "Placering i familjehem");
		this.attachment = this.register.attachFile(this.matter.getId(), "Utredning", "utredning.pdf", "application/pdf",
				new ByteArrayInputStream(PDF));
	}

	@Test
	void markingAMatterSecretOnItsPageKeepsTheGroundAndTheHistorySaysWhoMarkedIt() throws Exception {
		this.mvc.perform(post("/matters/{id}/confidentiality", this.matter.getId()).with(OFFICER).with(csrf())
			.param("confidential", "true").param("legalGround", "26 kap. 1 §").param("version", "0"))
			.andExpect(redirectedUrl("/matters/" + this.matter.getId() + "#confidentiality"));
		assertThat(this.register.matter(this.matter.getId()).getConfidentiality().citation()).isEqualTo("26 kap. 1 § OSL");
		assertThat(this.register.history(this.matter.getId())).anySatisfy(h -> {
			assertThat(h.what()).isEqualTo("matter.history.classified");
			assertThat(h.who()).isEqualTo("handlaggare");
			assertThat(h.detail()).isEqualTo("26 kap. 1 § OSL");
		});
		this.mvc.perform(get("/matters/{id}", this.matter.getId()).with(OFFICER))
			.andExpect(content().string(containsString("Sekretess enligt 26 kap. 1 § OSL")))
			.andExpect(content().string(containsString("Sekretess genom ärendet")));
		// The history is read when its section is opened.
		this.mvc.perform(get("/matters/{id}/history", this.matter.getId()).with(OFFICER))
			.andExpect(content().string(containsString("Ärendet sekretessmarkerades (26 kap. 1 § OSL)")));
	}

	@Test
	void aMarkWithoutAGroundOrWithAMalformedOneIsRefusedBesideTheFieldAndNothingIsSaved() throws Exception {
		this.mvc.perform(post("/matters/{id}/confidentiality", this.matter.getId()).with(OFFICER).with(csrf())
			.param("confidential", "true").param("legalGround", "").param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"legalGround-error\"")))
			.andExpect(content().string(containsString("Ange sekretessgrunden")));
		this.mvc.perform(post("/matters/{id}/confidentiality", this.matter.getId()).with(OFFICER).with(csrf())
			.param("confidential", "true").param("legalGround", "paragraf tjugo").param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"paragraf tjugo\"")))
			.andExpect(content().string(containsString("ska anges som kapitel och paragraf")));
		this.mvc.perform(post("/matters/{id}/attachments/{a}/confidentiality", this.matter.getId(),
				this.attachment.getId()).with(OFFICER).with(csrf()).param("confidential", "true").param("legalGround", "kap"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"ground-" + this.attachment.getId() + "-error\"")))
			.andExpect(content().string(containsString("value=\"kap\"")));
		assertThat(this.register.matter(this.matter.getId()).isConfidential()).isFalse();
		assertThat(this.register.attachment(this.attachment.getId()).isConfidential()).isFalse();
	}

	@Test
	void aStaleVersionOnThePageIsRefusedAndTheMarkStaysAsItWas() throws Exception {
		this.register.retitle(this.matter.getId(), "Ny rubrik", 0);
		this.mvc.perform(post("/matters/{id}/confidentiality", this.matter.getId()).with(OFFICER).with(csrf())
			.param("confidential", "true").param("legalGround", "26 kap. 1 §").param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("flash error")));
		assertThat(this.register.matter(this.matter.getId()).isConfidential()).isFalse();
	}

	@Test
	void theApiMarksAndLiftsAndShowsTheMarkOnMattersAndAttachments() throws Exception {
		this.mvc.perform(put("/api/v1/matters/{id}/confidentiality", this.matter.getId()).with(OFFICER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"confidential\": true, \"legalGround\": \"OSL 26 kap. 1 §\", \"version\": 0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.confidentiality.confidential").value(true))
			.andExpect(jsonPath("$.confidentiality.legalGround").value("26 kap. 1 §"))
			.andExpect(jsonPath("$.confidentiality.citation").value("26 kap. 1 § OSL"))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc.perform(get("/api/v1/attachments/{id}", this.attachment.getId()).with(OFFICER))
			.andExpect(jsonPath("$.confidentiality.confidential").value(true))
			.andExpect(jsonPath("$.confidentiality.inheritedFromMatter").value(true));
		this.mvc.perform(put("/api/v1/matters/{id}/confidentiality", this.matter.getId()).with(OFFICER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"confidential\": false, \"version\": 1}"))
			.andExpect(jsonPath("$.confidentiality.confidential").value(false));
		this.mvc.perform(put("/api/v1/attachments/{id}/confidentiality", this.attachment.getId()).with(OFFICER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"confidential\": true, \"legalGround\": \"21 kap. 1 §\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.confidentiality.citation").value("21 kap. 1 § OSL"))
			.andExpect(jsonPath("$.confidentiality.inheritedFromMatter").value(false));
		assertThat(this.register.history(this.matter.getId())).extracting(HistoryEntry::what)
			.contains("matter.history.classified", "matter.history.declassified", "matter.history.attachmentClassified");
	}

	@Test
	void theApiAnswersAMissingOrMalformedGroundWithAFieldErrorAndAStaleVersionWithAConflict() throws Exception {
		this.mvc.perform(put("/api/v1/matters/{id}/confidentiality", this.matter.getId()).with(OFFICER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"confidential\": true, \"version\": 0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("legalGround"))
			.andExpect(jsonPath("$.errors[0].message", containsString("sekretessgrunden")));
		this.mvc.perform(put("/api/v1/attachments/{id}/confidentiality", this.attachment.getId()).with(OFFICER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"confidential\": true, \"legalGround\": \"hemligt\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("legalGround"));
		this.mvc.perform(put("/api/v1/matters/{id}/confidentiality", this.matter.getId()).with(OFFICER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"legalGround\": \"21 kap. 1 §\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("confidential", "version")));
		this.register.retitle(this.matter.getId(), "Ny rubrik", 0);
		this.mvc.perform(put("/api/v1/matters/{id}/confidentiality", this.matter.getId()).with(OFFICER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"confidential\": true, \"legalGround\": \"21 kap. 1 §\", \"version\": 0}"))
			.andExpect(status().isConflict());
		assertThat(this.register.matter(this.matter.getId()).isConfidential()).isFalse();
		assertThat(this.register.attachment(this.attachment.getId()).isConfidential()).isFalse();
	}

}
