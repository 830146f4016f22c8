package se.paragraf.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * With {@code PARAGRAF_LOG_FORMAT=ecs} every log line is one JSON object carrying the request id and
 * the user's name from the request that caused it, and no personal identity number survives in the
 * message, an exception's message or the stack trace. Logging is configured by Spring Boot from
 * Paragraf's own application.properties, as in production.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTests {

	private static final Logger log = LoggerFactory.getLogger(StructuredLoggingTests.class);

	@Configuration
	static class NothingElse {
	}

	@Test
	void jsonLinesCarryRequestIdAndUserAndNeverAnIdentityNumber(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NothingElse.class)
			.web(WebApplicationType.NONE)
			.run("--logging.structured.format.console=ecs", "--logging.level.se.paragraf=INFO")) {
			MockHttpServletRequest request = new MockHttpServletRequest("POST", "/matters");
			request.addHeader(RequestLogContext.HEADER, "req-4711");
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("sekreterare", null,
						AuthorityUtils.createAuthorityList("ROLE_SECRETARY")));
			try {
				new RequestLogContext.RequestId().doFilter(request, new MockHttpServletResponse(),
						(req, res) -> new RequestLogContext.UserName().doFilter(req, res,
								new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
									@Override
									protected void service(jakarta.servlet.http.HttpServletRequest rq,
											jakarta.servlet.http.HttpServletResponse rs) {
										log.error("Kunde inte registrera ärendet för 19121212-1212",
												new IllegalStateException("Personnummer 121212-1212 finns redan, även 1212121212"));
									}
								})));
			}
			finally {
				SecurityContextHolder.clearContext();
			}
			log.info("Efter förfrågan");
		}
		List<String> lines = output.getOut().lines().filter(l -> l.contains("Kunde inte registrera")).toList();
		assertThat(lines).hasSize(1);
		String line = lines.get(0);
		assertThat(line).doesNotContain("1212-1212", "1212121212", "19121212");
		Map<String, Object> json = JsonParserFactory.getJsonParser().parseMap(line);
		assertThat(json.get("message")).isEqualTo("Kunde inte registrera ärendet för [personnummer]");
		assertThat(json).extractingByKey("user").isEqualTo(Map.of("name", "sekreterare"));
		assertThat(json).extractingByKey("http").isEqualTo(Map.of("request", Map.of("id", "req-4711")));
		@SuppressWarnings("unchecked")
		Map<String, Object> error = (Map<String, Object>) json.get("error");
		assertThat((String) error.get("message")).isEqualTo("Personnummer [personnummer] finns redan, även [personnummer]");
		assertThat((String) error.get("stack_trace")).contains("IllegalStateException").doesNotContain("121212-1212");
		// After the request nothing is left behind for the next line.
		List<String> after = output.getOut().lines().filter(l -> l.contains("Efter förfrågan")).toList();
		assertThat(after).hasSize(1);
		assertThat(after.get(0)).startsWith("{").doesNotContain("sekreterare", "req-4711");
	}

}
