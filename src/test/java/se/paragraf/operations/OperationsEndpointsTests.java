package se.paragraf.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.shared.security.Role;

/**
 * What an operator's tools meet: the Prometheus metrics only for the scrape account and
 * administrators, with routes by template and family (never an id), the domain's own meters, and
 * liveness and readiness open to the load balancer, readiness made of the database, the file store
 * and the search index but not mail.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OperationsEndpointsTests {

	private static final RequestPostProcessor SCRAPER = httpBasic("metrics", "test-scrape-password");

	@Autowired
	MockMvc mvc;

	private String scrape() throws Exception {
		return this.mvc.perform(get("/actuator/prometheus").with(SCRAPER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void metricsAreRefusedToAnonymousAndToEveryRoleButAdministrators() throws Exception {
		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("metrics", "wrong"))).andExpect(status().isUnauthorized());
		List<String> wrong = new ArrayList<>();
		for (Role role : Role.values()) {
			int status = this.mvc.perform(get("/actuator/prometheus").with(user("ops-" + role).roles(role.name())))
				.andReturn()
				.getResponse()
				.getStatus();
			if ((role == Role.ADMIN) != (status == 200)) {
				wrong.add(role + " got " + status);
			}
		}
		assertThat(wrong).isEmpty();
		// A person's account is not the scrape account, even an administrator's password over Basic on /actuator.
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "test-admin-password")))
			.andExpect(status().isUnauthorized());
		scrape();
	}

	@Test
	void requestsAreCountedByRouteTemplateAndFamilyNeverById() throws Exception {
		this.mvc.perform(get("/public/meetings/987654321/notice"));
		this.mvc.perform(get("/api/v1/search").param("q", "budget")).andExpect(status().isOk());
		String metrics = scrape();
		List<String> requests = metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count{")).toList();
		assertThat(requests).anySatisfy(line -> assertThat(line).contains("family=\"public\"")
			.contains("uri=\"/public/meetings/{id}/notice\""));
		assertThat(requests).anySatisfy(line -> assertThat(line).contains("family=\"api\"").contains("uri=\"/api/v1/search\""));
		assertThat(requests).noneMatch(line -> line.contains("987654321"));
		// The search just made is timed, as the public.
		assertThat(metrics).containsPattern("paragraf_search_seconds_count\\{[^}]*audience=\"public\"[^}]*} [1-9]");
		assertThat(metrics).contains("paragraf_events_pending{", "paragraf_notices_published_total{",
				"paragraf_minutes_certified_total{", "paragraf_mails_total{", "paragraf_pdf_render_seconds");
		// Latency as fixed buckets, for histogram_quantile.
		assertThat(metrics).contains("http_server_requests_seconds_bucket{");
	}

	@Test
	void aFailedSignInAndALockedOneAreCounted() throws Exception {
		double before = failedLogins(scrape(), "bad_credentials");
		double lockedBefore = failedLogins(scrape(), "locked");
		String address = "10.77." + (int) (Math.random() * 250) + ".9";
		for (int i = 0; i < 6; i++) {
			this.mvc.perform(post("/login").param("username", "ingen-sadan-" + address).param("password", "fel")
				.with(csrf()).with(r -> {
					r.setRemoteAddr(address);
					return r;
				}));
		}
		String metrics = scrape();
		// Four refused passwords, then the fifth locks (counted as locked), and the sixth is refused while locked.
		assertThat(failedLogins(metrics, "bad_credentials") - before).isEqualTo(4);
		assertThat(failedLogins(metrics, "locked") - lockedBefore).isEqualTo(2);
	}

	private static double failedLogins(String metrics, String reason) {
		Matcher m = Pattern.compile("paragraf_logins_failed_total\\{[^}]*reason=\"" + reason + "\"[^}]*} ([0-9.E]+)")
			.matcher(metrics);
		return m.find() ? Double.parseDouble(m.group(1)) : 0;
	}

	@Test
	void livenessAndReadinessAreOpenAndReadinessIsDatabaseFilesAndSearchButNotMail() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
		this.mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
		this.mvc.perform(get("/actuator/health/readiness").with(user("ops-admin").roles("ADMIN")))
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.fileStore.status").value("UP"))
			.andExpect(jsonPath("$.components.search.status").value("UP"))
			.andExpect(jsonPath("$.components.mail").doesNotExist());
		// Mail is watched in the overall health.
		this.mvc.perform(get("/actuator/health").with(user("ops-admin").roles("ADMIN")))
			.andExpect(jsonPath("$.components.mail.status").exists())
			.andExpect(jsonPath("$.components.liveness").doesNotExist());
	}

	@Test
	void everyAnswerCarriesARequestIdAndAProxysOwnIdIsKept() throws Exception {
		String first = this.mvc.perform(get("/public/search")).andReturn().getResponse().getHeader("X-Request-Id");
		String second = this.mvc.perform(get("/public/search")).andReturn().getResponse().getHeader("X-Request-Id");
		assertThat(first).isNotBlank().isNotEqualTo(second);
		this.mvc.perform(get("/").header("X-Request-Id", "lb-4711.abc")).andExpect(header().string("X-Request-Id", "lb-4711.abc"));
		// Something that is not a plain token (a forged log line) is replaced, not logged.
		String forged = this.mvc.perform(get("/").header("X-Request-Id", "x\" user.name=admin"))
			.andReturn()
			.getResponse()
			.getHeader("X-Request-Id");
		assertThat(forged).doesNotContain("admin").hasSize(36);
	}

}
