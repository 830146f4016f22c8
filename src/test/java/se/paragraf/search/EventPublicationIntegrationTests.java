package se.paragraf.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

import se.paragraf.ParagrafApplication;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.MatterRegistered;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.shared.events.EventPublications;

/**
 * Reactions to events are registered publications: one whose handler fails stays pending (and is
 * shown to the administrator) until it is resubmitted, and one left incomplete when the application
 * stopped is completed when it starts again. The search feed is the handler here; its effect, a
 * matter's search entry, is easy to see.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EnableScenarios
class EventPublicationIntegrationTests {

	@MockitoSpyBean
	SearchIndexing indexing;

	@Autowired
	Organisation organisation;

	@Autowired
	MatterRegister register;

	@Autowired
	EventPublications events;

	@Autowired
	EventPublicationRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void indexWorksAgain() {
		reset(this.indexing);
	}

	@Test
	void aReactionThatFailsStaysPendingUntilTheAdministratorSendsItAgain(Scenario scenario) throws Exception {
		// The index is down once: the first attempt fails, the next one works.
		doThrow(new IllegalStateException("index unavailable")).doCallRealMethod().when(this.indexing).indexMatter(anyLong());
		PeopleFixtures.BoardWithPeople board = PeopleFixtures.jointBoard(this.organisation);
		AtomicReference<Matter> registered = new AtomicReference<>();

		scenario.stimulate(tx -> this.register.register(board.code(), "Upphandling av skolskjuts"))
			.andWaitForStateChange(() -> failedRegistrationOn(board.board().getId()), failed -> failed)
			.andVerify((failed, matter) -> registered.set(matter));
		Matter matter = registered.get();
		assertThat(this.events.awaitIdle(Duration.ofSeconds(60))).isTrue();
		assertThat(hasEntry(matter)).isFalse();
		assertThat(pendingRegistration(matter)).isTrue();
		this.mvc.perform(get("/admin/events").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(
					"<dd id=\"events-pending\">" + this.events.pending().count() + "</dd>")))
			.andExpect(content().string(Matchers.containsString("id=\"events-oldest\"")));

		scenario.stimulate(tx -> resubmitAsAdministrator())
			.andWaitForStateChange(() -> hasEntry(matter), indexed -> indexed)
			.andVerify(indexed -> assertThat(pendingRegistration(matter)).isFalse());
	}

	@Test
	void aPublicationLeftIncompleteAtShutdownIsCompletedWhenTheApplicationStartsAgain() {
		String board = PeopleFixtures.jointBoard(this.organisation).code();
		Matter matter = this.register.register(board, "Upphandling av snöröjning");
		assertThat(this.events.awaitIdle(Duration.ofSeconds(60))).isTrue();
		// What a crash between the commit and the listener leaves: the publication, and no entry.
		this.jdbc.sql("delete from search_entry where id = ?").param("MATTER:" + matter.getId()).update();
		this.jdbc.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				    completion_attempts)
				values (?, ?, ?, ?, ?, 'PUBLISHED', 0)""")
			.params(UUID.randomUUID(), "se.paragraf.search.SearchFeed.on(se.paragraf.matters.MatterRegistered)",
					MatterRegistered.class.getName(),
					"{\"matterId\":" + matter.getId() + ",\"boardId\":" + matter.getBoardId()
							+ ",\"diaryNumber\":{\"prefix\":\"" + board + "\",\"year\":" + matter.getDiaryNumber().year()
							+ ",\"serial\":1}}",
					OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5))
			.update();
		assertThat(hasEntry(matter)).isFalse();

		// The application started again, as configured for production: outstanding publications resubmitted.
		try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(ParagrafApplication.class)
			.run("--server.port=0", "--spring.modulith.events.republish-outstanding-events-on-restart=true")) {
			assertThat(restarted.getBean(EventPublications.class).awaitIdle(Duration.ofSeconds(60))).isTrue();
			assertThat(hasEntry(matter)).isTrue();
			assertThat(pendingRegistration(matter)).isFalse();
		}
	}

	private Object resubmitAsAdministrator() {
		try {
			return this.mvc.perform(post("/admin/events/resubmission").with(csrf()).with(user("admin").roles("ADMIN")))
				.andExpect(redirectedUrl("/admin/events"))
				.andReturn();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private boolean failedRegistrationOn(Long boardId) {
		return this.jdbc.sql("""
				select count(*) from event_publication
				where status = 'FAILED' and event_type = ? and serialized_event like ?""")
			.params(MatterRegistered.class.getName(), "%\"boardId\":" + boardId + ",%")
			.query(Long.class)
			.single() > 0;
	}

	private boolean pendingRegistration(Matter matter) {
		return this.registry.findIncompletePublications()
			.stream()
			.anyMatch(p -> p.getEvent() instanceof MatterRegistered registered
					&& registered.matterId().equals(matter.getId()));
	}

	private boolean hasEntry(Matter matter) {
		return this.jdbc.sql("select count(*) from search_entry where id = ?")
			.param("MATTER:" + matter.getId())
			.query(Long.class)
			.single() > 0;
	}

}
