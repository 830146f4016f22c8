package se.paragraf.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;

/**
 * The register's pages: bad input is answered on the page in Swedish beside the field, with the
 * user's input kept, and nothing is saved.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MatterControllerTests {

	private static final RequestPostProcessor OFFICER = user("handlaggare").roles("CASE_OFFICER");

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	String board;

	Long boardId;

	@BeforeEach
	void board() {
		this.board = PeopleFixtures.jointBoard(this.organisation).code();
		this.boardId = this.organisation.board(this.board).getId();
	}

	@Test
	void registeringAMatterRedirectsToItWithItsDiaryNumber() throws Exception {
		this.mvc.perform(post("/matters").with(OFFICER).with(csrf()).param("board", this.board).param("title", "Detaljbudget 2024")
			.param("diaryNumber", ""))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/matters/*"))
			.andExpect(flash().attribute("message", containsString(this.board)));
		assertThat(this.register.matters(this.boardId, null)).extracting(Matter::getTitle).containsExactly("Detaljbudget 2024");
	}

	@Test
	void aBlankTitleAndAMalformedNumberAreShownBesideTheirFieldsAndNothingIsSaved() throws Exception {
		this.mvc.perform(post("/matters").with(OFFICER).with(csrf()).param("board", this.board).param("title", " ")
			.param("diaryNumber", "GSN-2023-4"))
			.andExpect(status().isOk())
			.andExpect(view().name("matters/list"))
			.andExpect(content().string(containsString("Fyll i fältet.")))
			.andExpect(content().string(containsString("Diarienumret ska skrivas som nämndkod")))
			.andExpect(content().string(containsString("value=\"GSN-2023-4\"")));
		assertThat(this.register.matters(this.boardId, null)).isEmpty();
	}

	@Test
	void aTakenMigratedNumberIsRefusedOnThePage() throws Exception {
		Matter existing = this.register.register(this.board, "Först");
		this.mvc.perform(post("/matters").with(OFFICER).with(csrf()).param("board", this.board).param("title", "Krock")
			.param("diaryNumber", existing.getDiaryNumber().toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("är redan upptaget")));
		assertThat(this.register.matters(this.boardId, null)).hasSize(1);
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/matters").with(OFFICER).param("board", this.board).param("title", "Utan token"))
			.andExpect(status().isForbidden());
		assertThat(this.register.matters(this.boardId, null)).isEmpty();
	}

	@Test
	void anUnreadableRecipientLineKeepsTheReportUnchangedAndTheInputOnThePage() throws Exception {
		Matter matter = this.register.register(this.board, "Rapport");
		this.mvc.perform(post("/matters/{id}/report", matter.getId()).with(OFFICER).with(csrf())
			.param("heading", "")
			.param("proposalKind", "ADMINISTRATION_PROPOSAL")
			.param("proposedResolution", "Nämnden godkänner budgeten.")
			.param("description", "Ny text")
			.param("decisionRecipients", "Kommunstyrelsen för kännedom <inte en adress>")
			.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("kunde inte läsas")))
			.andExpect(content().string(containsString("Ny text")));
		assertThat(this.register.report(matter.getId()).getDescription()).isEmpty();
	}

	@Test
	void aStaleReportFormKeepsTheUsersTextAndSaysSomeoneElseChangedIt() throws Exception {
		Matter matter = this.register.register(this.board, "Rapport");
		this.register.writeReport(matter.getId(), MatterRegisterIntegrationTests.content("Kollegans text"), 0);
		this.mvc.perform(post("/matters/{id}/report", matter.getId()).with(OFFICER).with(csrf())
			.param("proposalKind", "ADMINISTRATION_PROPOSAL")
			.param("description", "Min text")
			.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Någon annan har ändrat")))
			.andExpect(content().string(containsString("Min text")));
		assertThat(this.register.report(matter.getId()).getDescription()).isEqualTo("Kollegans text");
	}

	@Test
	void anUploadOverTheLimitIsExplainedAndNotStored() throws Exception {
		Matter matter = this.register.register(this.board, "Bilagor");
		byte[] large = new byte[1024 * 1024 + 1];
		System.arraycopy("%PDF".getBytes(), 0, large, 0, 4);
		this.mvc.perform(multipart("/matters/{id}/attachments", matter.getId())
			.file(new MockMultipartFile("file", "stor.pdf", "application/pdf", large))
			.with(OFFICER)
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", containsString("Filen är för stor")));
		this.mvc.perform(multipart("/matters/{id}/attachments", matter.getId())
			.file(new MockMultipartFile("file", "tom.pdf", "application/pdf", new byte[0]))
			.with(OFFICER)
			.with(csrf()))
			.andExpect(flash().attribute("error", containsString("filen var tom")));
		assertThat(this.register.attachments(matter.getId())).isEmpty();
	}

	@Test
	void theReportPreviewNeverRendersScript() throws Exception {
		Matter matter = this.register.register(this.board, "Skript");
		this.register.writeReport(matter.getId(), MatterRegisterIntegrationTests.content("<script>alert(1)</script>Text"), 0);
		this.mvc.perform(get("/matters/{id}", matter.getId()).with(OFFICER))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
	}

}
