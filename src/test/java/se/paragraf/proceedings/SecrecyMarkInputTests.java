package se.paragraf.proceedings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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

import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Organisation;
import se.paragraf.meetings.AgendaItem;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.Meetings;

/**
 * Secrecy marks on agenda items and minute sections, in the secretary's pages and the API: a mark
 * without a proper OSL ground is refused with the reason beside the field (or on the field in the
 * API), the input kept and nothing saved; a proper one is saved and shown.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecrecyMarkInputTests {

	private static final RequestPostProcessor SECRETARY = user("sekreterare").roles("SECRETARY");

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	MeetingPlanning planning;

	@Autowired
	Meetings meetings;

	@Autowired
	MeetingConduct conduct;

	@Autowired
	MockMvc mvc;

	ConductFixtures f;

	Long id;

	Long budgetItem;

	@BeforeEach
	void meeting() {
		this.f = ConductFixtures.create(this.organisation, this.register, this.planning, this.meetings, null);
		this.id = this.f.meeting().getId();
		this.budgetItem = this.f.matterItem(this.planning, this.f.budget()).getId();
	}

	@Test
	void anAgendaItemMarkWithoutAGroundIsRefusedBesideTheFieldAndNothingIsSaved() throws Exception {
		long version = this.planning.meeting(this.id).getVersion();
		this.mvc.perform(post("/meetings/{id}/agenda/{item}/confidentiality", this.id, this.budgetItem).with(SECRETARY)
			.with(csrf())
			.param("version", String.valueOf(version))
			.param("confidential", "true")
			.param("legalGround", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"legalGround_" + this.budgetItem + "-error\"")))
			.andExpect(content().string(containsString("Ange sekretessgrunden")));
		this.mvc.perform(post("/meetings/{id}/agenda/{item}/confidentiality", this.id, this.budgetItem).with(SECRETARY)
			.with(csrf())
			.header("HX-Request", "true")
			.param("version", String.valueOf(version))
			.param("confidential", "true")
			.param("legalGround", "hemligt"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("value=\"hemligt\"")))
			.andExpect(content().string(containsString("till exempel &quot;21 kap. 1 §&quot;")));
		assertThat(item().getConfidentiality().isConfidential()).isFalse();
		assertThat(this.planning.meeting(this.id).getVersion()).isEqualTo(version);
	}

	@Test
	void anAgendaItemMarkWithItsGroundIsSavedAndShown() throws Exception {
		this.mvc.perform(post("/meetings/{id}/agenda/{item}/confidentiality", this.id, this.budgetItem).with(SECRETARY)
			.with(csrf())
			.param("version", String.valueOf(this.planning.meeting(this.id).getVersion()))
			.param("confidential", "true")
			.param("legalGround", "OSL 21 kap. 1 §"))
			.andExpect(status().is3xxRedirection());
		assertThat(item().getConfidentiality().getLegalGround()).isEqualTo("21 kap. 1 §");
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/meetings/{id}", this.id)
			.with(SECRETARY)).andExpect(content().string(containsString("Sekretess enligt 21 kap. 1 § OSL")));
	}

	@Test
	void theApiRefusesAnItemMarkWithoutAProperGroundOnTheField() throws Exception {
		long version = this.planning.meeting(this.id).getVersion();
		this.mvc.perform(put("/api/v1/meetings/{id}/agenda/{item}/confidentiality", this.id, this.budgetItem)
			.with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"confidential\": true, \"legalGround\": \"sekretess\", \"version\": " + version + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("legalGround"))
			.andExpect(jsonPath("$.errors[0].message", containsString("kapitel och paragraf")));
		this.mvc.perform(put("/api/v1/meetings/{id}/agenda/{item}/confidentiality", this.id, this.budgetItem)
			.with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"confidential\": true, \"version\": " + version + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("legalGround"));
		this.mvc.perform(put("/api/v1/meetings/{id}/agenda/{item}/confidentiality", this.id, this.budgetItem)
			.with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"legalGround\": \"21 kap. 1 §\", \"version\": " + version + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("confidential")));
		assertThat(item().getConfidentiality().isConfidential()).isFalse();
		this.mvc.perform(put("/api/v1/meetings/{id}/agenda/{item}/confidentiality", this.id, this.budgetItem)
			.with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"confidential\": true, \"legalGround\": \"21 kap. 1 §\", \"version\": " + version + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.agenda[?(@.id == " + this.budgetItem + ")].secrecy.legalGround").value("21 kap. 1 §"));
	}

	@Test
	void aSectionMarkWithoutAGroundIsRefusedBesideTheFieldOnTheConductScreen() throws Exception {
		this.mvc.perform(post("/meetings/{id}/conduct/items/{item}/confidentiality", this.id, this.budgetItem)
			.with(SECRETARY)
			.with(csrf())
			.param("version", "0")
			.param("confidential", "true")
			.param("legalGround", "  "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"sectionGround_" + this.budgetItem + "-error\"")))
			.andExpect(content().string(containsString("Ange sekretessgrunden")));
		assertThat(this.conduct.record(this.id)).isEmpty();
		this.mvc.perform(post("/meetings/{id}/conduct/items/{item}/confidentiality", this.id, this.budgetItem)
			.with(SECRETARY)
			.with(csrf())
			.param("version", "0")
			.param("confidential", "true")
			.param("legalGround", "21 kap. 1 §"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.conduct.sectionConfidentiality(this.id, item()).citation()).isEqualTo("21 kap. 1 § OSL");
	}

	@Test
	void theApiRefusesASectionMarkWithoutAProperGroundOnTheField() throws Exception {
		this.mvc.perform(put("/api/v1/meetings/{id}/agenda/{item}/decision/confidentiality", this.id, this.budgetItem)
			.with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"confidential\": true, \"legalGround\": \"paragraf 7\", \"version\": 0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("legalGround"));
		assertThat(this.conduct.record(this.id)).isEmpty();
		this.mvc.perform(put("/api/v1/meetings/{id}/agenda/{item}/decision/confidentiality", this.id, this.budgetItem)
			.with(SECRETARY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"confidential\": true, \"legalGround\": \"21 kap. 1 §\", \"version\": 0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.id == " + this.budgetItem + ")].decision.secrecy.confidential").value(true));
	}

	private AgendaItem item() {
		return this.planning.meeting(this.id)
			.getAgenda()
			.stream()
			.filter(i -> i.getId().equals(this.budgetItem))
			.findFirst()
			.orElseThrow();
	}

}
