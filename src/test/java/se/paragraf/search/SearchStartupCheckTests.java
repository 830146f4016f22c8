package se.paragraf.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The startup check of the index runs beside the first requests (as in production): readiness reports
 * the search index out of service until the check is done, and then every entry of the database is in
 * this context's own, fresh index.
 */
@SpringBootTest(properties = "paragraf.search.startup-check-in-background=true")
@AutoConfigureMockMvc
class SearchStartupCheckTests {

	@Autowired
	SearchRebuild rebuild;

	@Autowired
	SearchEntries entries;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	MockMvc mvc;

	@Test
	void searchIsOutOfServiceUntilTheStartupCheckIsDone() {
		SearchRebuild notYetChecked = new SearchRebuild(null, null, null, false, true);
		SearchHealthIndicator health = new SearchHealthIndicator(null, null, notYetChecked);

		assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
	}

	@Test
	void afterTheStartupCheckInTheBackgroundTheIndexHoldsEveryEntryAndTheNodeIsReady() throws Exception {
		assertThat(this.rebuild.awaitStartupCheck(Duration.ofMinutes(2))).isTrue();

		try (var entityManager = this.entityManagerFactory.createEntityManager()) {
			long indexed = Search.session(entityManager).search(SearchEntry.class).where(f -> f.matchAll())
				.fetchTotalHitCount();
			assertThat(indexed).isEqualTo(this.entries.count());
		}
		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
	}

}
