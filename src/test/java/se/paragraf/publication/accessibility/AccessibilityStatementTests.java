package se.paragraf.publication.accessibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The accessibility statement: public, structured after DIGG's model, linked from every page's
 * footer, with a form (CSRF-protected) that reports a problem by e-mail.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessibilityStatementTests {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@Autowired
	MockMvc mvc;

	@Test
	void theStatementIsPublicAndFollowsTheModelStructure() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/public/accessibility")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String page = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("<h1>Tillgänglighet för Paragraf</h1>", "Hur tillgänglig är webbplatsen?",
				"Vad kan du göra om du inte kan använda delar av webbplatsen?",
				"Rapportera brister i webbplatsens tillgänglighet", "Tillsyn",
				"Teknisk information om webbplatsens tillgänglighet", "delvis förenlig", "Hur vi testat webbplatsen",
				"href=\"mailto:", "<label for=\"description\">Beskriv problemet</label>", "name=\"_csrf\"",
				"https://www.digg.se/");
		String english = this.mvc.perform(get("/public/accessibility?lang=en"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("Accessibility of Paragraf", "Describe the problem");
	}

	@Test
	void everyPagesFooterLinksTheStatement() throws Exception {
		String page = this.mvc.perform(get("/public/meetings")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("href=\"/public/accessibility\"", "Tillgänglighetsredogörelse");
	}

	@Test
	void aReportWithoutDescriptionIsRefusedWithTheInputKept() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post("/public/accessibility").with(csrf()).param("description", " ").param("page", "/public/meetings"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String page = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("aria-invalid=\"true\"", "id=\"description-error\"", "value=\"/public/meetings\"");
	}

	@Test
	void aReportWithABadReplyAddressIsRefused() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post("/public/accessibility").with(csrf())
				.param("description", "Knappen går inte att nå med tangentbordet")
				.param("contact", "inte-en-adress"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"contact-error\"");
	}

	@Test
	void aReportWithoutCsrfTokenIsForbidden() throws Exception {
		assertThat(this.mvc.perform(post("/public/accessibility").param("description", "x"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	@Test
	void whenTheMailServerIsDownTheVisitorKeepsTheTextAndGetsTheAddress() throws Exception {
		// The test configuration points at a mail server that does not run.
		MockHttpServletResponse response = this.mvc
			.perform(post("/public/accessibility").with(csrf())
				.param("description", "Tabellen i budgeten saknar rubriker"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String page = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Rapporten kunde inte skickas", "Tabellen i budgeten saknar rubriker");
	}

	@Test
	void aReportGoesByMailToTheAccessibilityContactWithReplyToTheVisitor() throws Exception {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(greenMail.getSmtp().getPort());
		AccessibilityReports reports = new AccessibilityReports(sender, "tillganglighet@kommun.example",
				"paragraf@kommun.example");
		reports.send(new ProblemReport("Knappen går inte att nå med tangentbordet", "/public/meetings",
				"besokare@example.se"));
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("tillganglighet@kommun.example");
		assertThat(received[0].getReplyTo()[0].toString()).isEqualTo("besokare@example.se");
		assertThat(GreenMailUtil.getBody(received[0])).contains("/public/meetings");
		assertThat(received[0].getSubject()).contains("Tillgänglighetsproblem");
	}

}
