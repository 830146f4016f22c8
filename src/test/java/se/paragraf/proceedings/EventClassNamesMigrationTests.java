package se.paragraf.proceedings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.util.StreamUtils;

/**
 * A reaction still pending when Paragraf is upgraded across the split of meetings (issue 11) names
 * the event and listener classes by their old package; the migration renames them, so that the
 * registry can read the event back and hand it to the listener that now exists.
 */
@SpringBootTest
class EventClassNamesMigrationTests {

	private static final String MIGRATION = "db/migration/V3_9_1__proceedings_event_class_names.sql";

	private final List<UUID> inserted = new ArrayList<>();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventPublicationRegistry registry;

	@AfterEach
	void removeTheRows() {
		this.inserted.forEach(id -> this.jdbc.sql("delete from event_publication where id = ?").param(id).update());
	}

	@Test
	void aPublicationPendingFromBeforeTheSplitNamesTheMovedClassesAfterTheMigration() throws Exception {
		UUID dispatch = pending("se.paragraf.meetings.DispatchTriggers.on(se.paragraf.meetings.MinutesCertified)",
				"se.paragraf.meetings.MinutesCertified");
		UUID noticeBoard = pending("se.paragraf.publication.NoticeBoard.on(se.paragraf.meetings.MinutesCertified)",
				"se.paragraf.meetings.MinutesCertified");
		UUID notice = pending("se.paragraf.meetings.DispatchTriggers.on(se.paragraf.meetings.NoticePublished)",
				"se.paragraf.meetings.NoticePublished");

		for (String statement : migration().replaceAll("(?m)^--.*$", "").split(";")) {
			if (!statement.isBlank()) {
				this.jdbc.sql(statement).update();
			}
		}

		assertThat(row(dispatch)).containsExactly(
				"se.paragraf.proceedings.DispatchTriggers.on(se.paragraf.proceedings.MinutesCertified)",
				"se.paragraf.proceedings.MinutesCertified");
		assertThat(row(noticeBoard)).containsExactly(
				"se.paragraf.publication.NoticeBoard.on(se.paragraf.proceedings.MinutesCertified)",
				"se.paragraf.proceedings.MinutesCertified");
		// The notice stays where it was; only its listener moved.
		assertThat(row(notice)).containsExactly(
				"se.paragraf.proceedings.DispatchTriggers.on(se.paragraf.meetings.NoticePublished)",
				"se.paragraf.meetings.NoticePublished");
		// Every class the rows name exists, with the listener method, and the registry reads the event back.
		assertThat(DispatchTriggers.class.getDeclaredMethod("on", MinutesCertified.class)).isNotNull();
		assertThat(Class.forName("se.paragraf.publication.NoticeBoard").getMethod("on", MinutesCertified.class))
			.isNotNull();
		assertThat(this.registry.findIncompletePublications()
			.stream()
			.filter(p -> p.getIdentifier().equals(dispatch))
			.map(p -> p.getEvent())).singleElement()
			.isEqualTo(new MinutesCertified(1L, 2L, 1, 3L, LocalDate.of(2023, 12, 5), LocalDate.of(2023, 12, 12),
					"§§ 41–46"));
	}

	private UUID pending(String listenerId, String eventType) {
		UUID id = UUID.randomUUID();
		String event = eventType.endsWith("MinutesCertified")
				? "{\"meetingId\":1,\"minutesId\":2,\"versionNumber\":1,\"boardId\":3,\"meetingDate\":\"2023-12-05\","
						+ "\"certifiedOn\":\"2023-12-12\",\"sectionRange\":\"§§ 41–46\"}"
				: "{\"meetingId\":1,\"noticeId\":2,\"versionNumber\":1,\"boardId\":3}";
		// A failed one, so that no resubmission picks it up while the test looks at it.
		this.jdbc.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				    completion_attempts)
				values (?, ?, ?, ?, ?, 'FAILED', 1)""")
			.params(id, listenerId, eventType, event, OffsetDateTime.now(ZoneOffset.UTC).minusDays(1))
			.update();
		this.inserted.add(id);
		return id;
	}

	private List<String> row(UUID id) {
		return this.jdbc.sql("select listener_id, event_type from event_publication where id = ?")
			.param(id)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
			.single();
	}

	private static String migration() throws IOException {
		return StreamUtils.copyToString(new ClassPathResource(MIGRATION).getInputStream(), StandardCharsets.UTF_8);
	}

}
