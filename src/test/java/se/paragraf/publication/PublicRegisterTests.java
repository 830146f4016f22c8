package se.paragraf.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Organisation;
import se.paragraf.publication.oparl.OParlSchemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public register and matter pages, without login: every matter listed, a secret one with its
 * title withheld under its ground; the certified decisions with votes and dissents; OParl carrying
 * the same, valid against the schema.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicRegisterTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	SecretMeetings secretMeetings;

	SecretMatterFixtures f;

	@BeforeAll
	void certifiedMeetingWithASecretMatter() throws IOException {
		this.f = this.secretMeetings.publishedAndCertified();
	}

	@Test
	void aSecretMatterStaysInTheRegisterWithItsTitleWithheldUnderItsGround() throws Exception {
		String page = page("/public/register?board=" + this.f.board().code());
		assertThat(page).contains(this.f.secret().getDiaryNumber().toString(),
				"Uppgift undantagen enligt 21 kap. 1 § OSL", this.f.open().getDiaryNumber().toString(), "Detaljbudget 2024",
				this.f.board().board().getName(), "Beslutat");
		assertThat(page).doesNotContain("Zyxoplankton");
	}

	@Test
	void theRegisterFiltersByBoardYearAndTextAndNeverMatchesAWithheldTitle() throws Exception {
		String board = this.f.board().code();
		assertThat(page("/public/register?board=" + board + "&q=detaljbudget")).contains(
				this.f.open().getDiaryNumber().toString()).doesNotContain(this.f.secret().getDiaryNumber().toString());
		assertThat(page("/public/register?board=" + board + "&q=" + this.f.secret().getDiaryNumber()))
			.contains(this.f.secret().getDiaryNumber().toString());
		assertThat(page("/public/register?board=" + board + "&q=Zyxoplankton")).contains("Inga ärenden matchar");
		assertThat(page("/public/register?board=" + board + "&year=2019")).contains("Inga ärenden matchar");
		assertThat(page("/public/register?year=" + this.f.open().getDiaryNumber().year() + "&board=" + board))
			.contains(this.f.open().getDiaryNumber().toString());
	}

	@Test
	void theRegisterPagesItsEntriesAndKeepsTheFilterOnEachPage() throws Exception {
		String code = this.f.board().code();
		for (int i = 0; i < 51; i++) {
			this.register.register(code, "Löpande ärende " + i);
		}
		String first = page("/public/register?board=" + code);
		assertThat(first).contains("Sida 1 av 2", "/public/register?board=" + code + "&amp;page=1");
		String second = page("/public/register?board=" + code + "&page=1");
		assertThat(second).contains("Sida 2 av 2", "rel=\"prev\"");
	}

	@Test
	void aFilterThatCannotBeReadIsExplainedBesideItsField() throws Exception {
		String page = page("/public/register?year=tjugo&board=NOSUCHBOARD");
		assertThat(page).contains("id=\"year-error\"", "Året ska skrivas med fyra siffror", "value=\"tjugo\"",
				"id=\"board-error\"", "Det finns ingen nämnd med den koden");
	}

	@Test
	void aPageNumberThatIsNotAPageIsRefusedWith400AndAnExplanation() throws Exception {
		for (String bad : new String[] { "abc", "999999999", "-1", "99999999999999999999" }) {
			MockHttpServletResponse response = this.mvc.perform(get("/public/register?page=" + bad))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(bad).isEqualTo(400);
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(bad)
				.contains("Sidnumret ska vara ett heltal från 0 till " + 10_000);
		}
		// A page past the last one is a page with no entries, not an error.
		assertThat(page("/public/register?board=" + this.f.board().code() + "&page=10000")).contains("Inga ärenden");
	}

	@Test
	void aPublicMattersPageShowsItsMeetingAndTheCertifiedDecisionWithVotesAndDissents() throws Exception {
		String page = page("/public/matters/" + this.f.open().getId());
		assertThat(page).contains("Detaljbudget 2024", "/public/meetings/" + this.f.meeting().getId() + "/notice",
				"Nämnden godkänner driftdetaljbudgeten för 2024.", "Omröstning: 2 ja, 1 nej, 0 avstår", "Reservationer",
				"Budgeten är underfinansierad. Se skrivelsen från [maskerat].");
		assertThat(page).as("the identity number in the dissent is masked, as in the public minutes")
			.doesNotContain(SecretMatterFixtures.IDENTITY_NUMBER);
	}

	@Test
	void aSecretMattersPageShowsOnlyTheRegisterEntry() throws Exception {
		String page = page("/public/matters/" + this.f.secret().getId());
		assertThat(page).contains(this.f.secret().getDiaryNumber().toString(),
				"Uppgift undantagen enligt 21 kap. 1 § OSL", "Beslutat")
			.doesNotContain("/public/meetings/" + this.f.meeting().getId() + "/notice", "Kvastrumla",
					"/public/attachments/", "Det justerade protokollet")
			.doesNotContainPattern("§ \\d+ Beslut");
		assertThat(this.mvc.perform(get("/public/matters/999999999")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void oparlWithholdsTheSecretPaperAndCarriesVotesDissentsParticipantsAndTheMinutes() throws Exception {
		OParlSchemas schemas = new OParlSchemas();
		JsonNode secret = json("/oparl/v1/paper/" + this.f.secret().getId());
		schemas.assertValid(secret);
		assertThat(secret.path("name").asString()).isEqualTo("Uppgift undantagen enligt 21 kap. 1 § OSL");
		assertThat(secret.path("Paragraf:withheld").asString()).isEqualTo("21 kap. 1 § OSL");
		assertThat(secret.has("auxiliaryFile")).isFalse();
		JsonNode open = json("/oparl/v1/paper/" + this.f.open().getId());
		assertThat(open.path("auxiliaryFile")).hasSize(1);
		assertThat(open.path("auxiliaryFile").get(0).path("name").asString()).isEqualTo("Budgetunderlag");

		JsonNode meeting = json("/oparl/v1/meeting/" + this.f.meeting().getId());
		schemas.assertValid(meeting);
		assertThat(meeting.path("participant")).hasSize(3);
		assertThat(meeting.path("resultsProtocol").path("accessUrl").asString())
			.endsWith("/public/meetings/" + this.f.meeting().getId() + "/minutes/1.pdf");
		JsonNode voted = null;
		for (JsonNode item : meeting.path("agendaItem")) {
			schemas.assertValid(item);
			if (item.has("Paragraf:votes")) {
				voted = item;
			}
		}
		assertThat(voted).isNotNull();
		assertThat(voted.path("name").asString()).isEqualTo("Detaljbudget 2024");
		assertThat(voted.path("Paragraf:voteResult").path("no").asInt()).isEqualTo(1);
		assertThat(voted.path("Paragraf:dissents").get(0).path("motivation").asString())
			.isEqualTo("Budgeten är underfinansierad. Se skrivelsen från [maskerat].");
		String minutesFile = meeting.path("resultsProtocol").path("id").asString();
		MockHttpServletResponse pdf = this.mvc.perform(get(minutesFile.substring("http://localhost".length()) + "/download"))
			.andReturn()
			.getResponse();
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
	}

	private String page(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private JsonNode json(String path) throws Exception {
		return JsonMapper.builder().build().readTree(page(path));
	}

}
