package se.paragraf.people.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.documents.LetterheadOwner;
import se.paragraf.documents.Stationery;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;

/**
 * The admin sets a letterhead on the organisation pages or through the API: a PNG or SVG logo is
 * checked by its content and stored cleaned; a refused logo, a missing name or bad base64 gives a
 * Swedish message on the field and saves nothing; a board without its own letterhead shows the one
 * it borrows.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LetterheadAdminTests {

	private static final String SCRIPTED_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";

	@Autowired
	MockMvc mvc;

	@Autowired
	Organisation organisation;

	@Autowired
	Stationery stationery;

	BoardWithPeople board;

	Long administrationId;

	@BeforeEach
	void boardWithAnAdministration() {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		this.administrationId = this.board.board().getAdministrationId();
	}

	static RequestPostProcessor admin() {
		return user("letterhead-admin").roles("ADMIN");
	}

	static byte[] png() throws IOException {
		BufferedImage image = new BufferedImage(60, 30, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.BLUE);
		g.fillRect(0, 0, 60, 30);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	String page() {
		return "/admin/organisation/letterheads/administration/" + this.administrationId;
	}

	@Test
	void theAdminUploadsAPngNamedAnythingAndTheBoardBorrowsTheLetterhead() throws Exception {
		// The name says SVG; the content is a PNG, and the content decides.
		MockMultipartFile logo = new MockMultipartFile("logo", "logga.svg", "image/svg+xml", png());
		this.mvc.perform(multipart(page()).file(logo)
			.param("name", "Ludvika kommun")
			.param("address", "IT-center\r\n771 82 Ludvika")
			.with(admin())
			.with(csrf())).andExpect(redirectedUrl(page()));
		var saved = this.stationery.letterhead(LetterheadOwner.ADMINISTRATION, this.administrationId);
		assertThat(saved.getLogoMediaType()).isEqualTo("image/png");
		assertThat(saved.getAddress()).isEqualTo("IT-center\n771 82 Ludvika");

		this.mvc.perform(get("/admin/organisation/letterheads/board/" + this.board.board().getId()).with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("använder förvaltningens")))
			.andExpect(content().string(containsString("data:image/png;base64,")))
			.andExpect(content().string(containsString("771 82 Ludvika")));
		this.mvc.perform(get("/admin/organisation").with(admin()))
			.andExpect(content().string(containsString("Brevhuvuden")))
			.andExpect(content().string(containsString("Ludvika kommun")));
	}

	@Test
	void aLogoWithAScriptIsRefusedWithASwedishMessageAndNothingIsSaved() throws Exception {
		MockMultipartFile logo = new MockMultipartFile("logo", "logga.svg", "image/svg+xml",
				SCRIPTED_SVG.getBytes(StandardCharsets.UTF_8));
		this.mvc.perform(multipart(page()).file(logo).param("name", "Ludvika kommun").with(admin()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("SVG-filen innehåller skript")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		assertThat(this.stationery.find(LetterheadOwner.ADMINISTRATION, this.administrationId)).isEmpty();
	}

	@Test
	void aLogoOfAnotherTypeOrAMissingNameIsRefusedOnItsField() throws Exception {
		MockMultipartFile gif = new MockMultipartFile("logo", "logga.png", "image/png",
				"GIF89a....".getBytes(StandardCharsets.US_ASCII));
		this.mvc.perform(multipart(page()).file(gif).param("name", "Ludvika kommun").with(admin()).with(csrf()))
			.andExpect(content().string(containsString("måste vara en PNG- eller SVG-bild")));
		this.mvc.perform(multipart(page()).param("name", " ").with(admin()).with(csrf()))
			.andExpect(content().string(containsString("letterhead-name-error")));
		assertThat(this.stationery.find(LetterheadOwner.ADMINISTRATION, this.administrationId)).isEmpty();
	}

	@Test
	void theLogoCanBeRemovedAndTheLetterheadDeleted() throws Exception {
		this.stationery.save(LetterheadOwner.ADMINISTRATION, this.administrationId, "Ludvika kommun", null, png(), false);
		this.mvc.perform(get(page()).with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ta bort logotypen")));
		this.mvc.perform(multipart(page()).param("name", "Ludvika kommun").param("removeLogo", "true")
			.with(admin())
			.with(csrf())).andExpect(redirectedUrl(page()));
		assertThat(this.stationery.letterhead(LetterheadOwner.ADMINISTRATION, this.administrationId).hasLogo()).isFalse();
		this.mvc.perform(multipart(page() + "/delete").with(admin()).with(csrf())).andExpect(redirectedUrl(page()));
		assertThat(this.stationery.find(LetterheadOwner.ADMINISTRATION, this.administrationId)).isEmpty();
		this.mvc.perform(get(page()).with(admin()))
			.andExpect(content().string(containsString("Inget brevhuvud är angivet")))
			.andExpect(content().string(not(containsString("data:image"))));
	}

	@Test
	void anUnknownOwnerIsNotFound() throws Exception {
		this.mvc.perform(get("/admin/organisation/letterheads/unit/1").with(admin())).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/organisation/letterheads/board/987654321").with(admin()))
			.andExpect(status().isNotFound());
	}

	@Test
	void theApiSetsALetterheadWithABase64LogoAndServesTheLogo() throws Exception {
		String api = "/api/v1/letterheads/board/" + this.board.board().getId();
		String body = """
				{"name": "Gemensamma servicenämnden", "address": "Box 1\\n771 82 Ludvika", "logo": "%s"}
				""".formatted(Base64.getEncoder().encodeToString(png()));
		this.mvc.perform(put(api).with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ownerKind").value("board"))
			.andExpect(jsonPath("$.logoMediaType").value("image/png"))
			.andExpect(jsonPath("$.links.logo").value(api + "/logo"));
		this.mvc.perform(get(api + "/logo").with(user("reader").roles("MEMBER")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("Content-Security-Policy", containsString("sandbox")));
		this.mvc.perform(delete(api).with(admin())).andExpect(status().isNoContent());
		this.mvc.perform(get(api).with(admin())).andExpect(status().isNotFound());
	}

	@Test
	void theApiRefusesBadBase64AScriptedSvgAndAMissingNameWithFieldErrors() throws Exception {
		String api = "/api/v1/letterheads/administration/" + this.administrationId;
		this.mvc.perform(put(api).with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Ludvika kommun\", \"logo\": \"!!inte base64!!\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("logo"));
		String scripted = Base64.getEncoder().encodeToString(SCRIPTED_SVG.getBytes(StandardCharsets.UTF_8));
		this.mvc.perform(put(api).with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Ludvika kommun\", \"logo\": \"" + scripted + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("logo"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("skript")));
		this.mvc.perform(put(api).with(admin()).contentType(MediaType.APPLICATION_JSON).content("{\"address\": \"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		assertThat(this.stationery.find(LetterheadOwner.ADMINISTRATION, this.administrationId)).isEmpty();
	}

}
