package se.paragraf.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * A page is drawn whole before a byte of it is sent: the reader gets all of it, with its length, or, when
 * drawing fails halfway, nothing of it, so that the server can still answer with the error page instead of
 * a cut-off page under status 200.
 */
class WholePageViewTests {

	/** Far more than the server's 8 kB response buffer, so that a page drawn straight out would be under way. */
	private static final String LONG_PAGE = "<main><p th:each=\"i : ${#numbers.sequence(1, 2000)}\">Rad [[${i}]] – Smedjebacken</p>";

	@Test
	void aPageIsSentWithItsLengthInUtf8() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		view(LONG_PAGE + "</main>").render(Map.of(), request(), response);

		byte[] body = response.getContentAsByteArray();
		assertThat(response.getContentLength()).isEqualTo(body.length);
		String page = new String(body, StandardCharsets.UTF_8);
		assertThat(page).startsWith("<main><p>Rad 1 – Smedjebacken</p>").endsWith("<p>Rad 2000 – Smedjebacken</p></main>");
	}

	@Test
	void aPageThatFailsHalfwaySendsNothingSoTheErrorPageCanBeSent() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setBufferSize(8 * 1024);

		assertThatThrownBy(() -> view(LONG_PAGE + "<p th:text=\"${absent.name}\">x</p></main>").render(Map.of(), request(),
				response))
			.hasMessageContaining("absent");
		assertThat(response.isCommitted()).isFalse();
		assertThat(response.getContentAsByteArray()).isEmpty();
	}

	/** The page as Paragraf's view resolver gives it, once {@link WholePageView#forEveryPage()} has set it up. */
	private static View view(String template) throws Exception {
		MockServletContext servletContext = new MockServletContext();
		GenericWebApplicationContext context = new GenericWebApplicationContext(servletContext);
		context.refresh();
		servletContext.setAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
		StringTemplateResolver templates = new StringTemplateResolver();
		templates.setTemplateMode(TemplateMode.HTML);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(templates);
		ThymeleafViewResolver resolver = new ThymeleafViewResolver();
		resolver.setTemplateEngine(engine);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setApplicationContext(context);
		WholePageView.forEveryPage().postProcessBeforeInitialization(resolver, "thymeleafViewResolver");
		View view = resolver.resolveViewName(template, Locale.forLanguageTag("sv"));
		assertThat(view).isInstanceOf(WholePageView.class);
		return view;
	}

	private static MockHttpServletRequest request() {
		return new MockHttpServletRequest("GET", "/sida");
	}

}
