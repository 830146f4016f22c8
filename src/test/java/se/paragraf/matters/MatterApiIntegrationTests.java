package se.paragraf.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;

/**
 * The register in the JSON API: registering, writing the report, attaching files; bad input and
 * stale versions answered precisely, nothing half-saved.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MatterApiIntegrationTests {

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
	void registersAMatterUnderTheNextDiaryNumber() throws Exception {
		int year = LocalDate.now(se.paragraf.shared.Sweden.ZONE).getYear();
		this.mvc.perform(post("/api/v1/matters").with(OFFICER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"board\": \"" + this.board + "\", \"title\": \"Detaljbudget 2024\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/matters/")))
			.andExpect(jsonPath("$.diaryNumber").value(this.board + year + "/1"))
			.andExpect(jsonPath("$.status").value("OPEN"));
	}

	@Test
	void aMigratedNumberThatIsTakenIsAFieldErrorAndNothingIsSaved() throws Exception {
		this.mvc.perform(post("/api/v1/matters").with(OFFICER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"board\": \"" + this.board + "\", \"title\": \"A\", \"diaryNumber\": \"" + this.board + "2023/4\"}"))
			.andExpect(status().isCreated());
		this.mvc.perform(post("/api/v1/matters").with(OFFICER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"board\": \"" + this.board + "\", \"title\": \"B\", \"diaryNumber\": \"" + this.board + "2023/4\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("diaryNumber"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("redan upptaget")));
		assertThat(this.register.matters(this.boardId, null)).hasSize(1);
	}

	@Test
	void missingAndMalformedFieldsAreFieldErrors() throws Exception {
		this.mvc.perform(post("/api/v1/matters").with(OFFICER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"board\": \"" + this.board + "\", \"title\": \"  \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("title"))
			.andExpect(jsonPath("$.errors[0].message").value("Fyll i fältet."));
		this.mvc.perform(post("/api/v1/matters").with(OFFICER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"board\": \"" + this.board + "\", \"title\": \"X\", \"diaryNumber\": \"2023-4\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("diaryNumber"));
		this.mvc.perform(post("/api/v1/matters").with(OFFICER).contentType(MediaType.APPLICATION_JSON).content("[1,2"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/api/v1/matters").with(OFFICER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"board\": \"NOSUCH\", \"title\": \"X\"}"))
			.andExpect(status().isNotFound());
		assertThat(this.register.matters(this.boardId, null)).isEmpty();
	}

	@Test
	void writesTheReportAndRefusesAStaleVersionWithAConflict() throws Exception {
		Matter matter = this.register.register(this.board, "Rapport");
		String report = "{\"proposedResolution\": [\"Nämnden godkänner.\"], \"description\": \"Text\","
				+ " \"decisionRecipients\": [{\"name\": \"Kommunstyrelsen\", \"forInformation\": true}], \"version\": 0}";
		this.mvc.perform(put("/api/v1/matters/{id}/report", matter.getId()).with(OFFICER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(report))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.proposedResolution[0]").value("Nämnden godkänner."))
			.andExpect(jsonPath("$.decisionRecipients[0].forInformation").value(true))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc.perform(put("/api/v1/matters/{id}/report", matter.getId()).with(OFFICER)
			.contentType(MediaType.APPLICATION_JSON)
			.content(report.replace("Text", "Gammal")))
			.andExpect(status().isConflict());
		this.mvc.perform(put("/api/v1/matters/{id}/report", matter.getId()).with(OFFICER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"proposedResolution\": [], \"decisionRecipients\": [{\"name\": \"\", \"email\": \"inte-en-adress\"}], \"version\": 1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("decisionRecipients[0].name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("decisionRecipients[0].email")));
		assertThat(this.register.report(matter.getId()).getDescription()).isEqualTo("Text");
	}

	@Test
	void attachesAPdfAndRefusesAnUploadOverTheLimitWith413() throws Exception {
		Matter matter = this.register.register(this.board, "Bilagor");
		MockMultipartFile pdf = new MockMultipartFile("file", "underlag.pdf", "application/pdf",
				"%PDF-1.4 underlag".getBytes());
		this.mvc.perform(multipart("/api/v1/matters/{id}/attachments", matter.getId()).file(pdf)
			.param("title", "Underlag")
			.with(OFFICER))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.sha256").value(se.paragraf.shared.files.FileStore.sha256Hex(pdf.getBytes())))
			.andExpect(jsonPath("$.title").value("Underlag"));
		byte[] large = new byte[1024 * 1024 + 10];
		System.arraycopy("%PDF".getBytes(), 0, large, 0, 4);
		this.mvc.perform(multipart("/api/v1/matters/{id}/attachments", matter.getId())
			.file(new MockMultipartFile("file", "stor.pdf", "application/pdf", large))
			.with(OFFICER))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("1 MB")));
		this.mvc.perform(multipart("/api/v1/matters/{id}/attachments", matter.getId())
			.file(new MockMultipartFile("file", "program.exe", "application/x-msdownload", new byte[] { 'M', 'Z' }))
			.with(OFFICER))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		assertThat(this.register.attachments(matter.getId())).hasSize(1);
		Long id = this.register.attachments(matter.getId()).get(0).getId();
		this.mvc.perform(get("/api/v1/attachments/{id}/content", id).with(OFFICER))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().bytes(pdf.getBytes()));
		// Not in any published notice: not a public document yet.
		this.mvc.perform(get("/public/attachments/{id}", id)).andExpect(status().isNotFound());
	}

}
