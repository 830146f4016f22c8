package se.paragraf.operations.orphans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.paragraf.ParagrafApplication;
import se.paragraf.matters.Attachment;
import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;
import se.paragraf.shared.files.FileStore;
import se.paragraf.shared.files.S3Server;

/**
 * The sweep of files no record names, on local disk and in a real S3 server (s3proxy): a file left
 * by a change that never committed goes once it is older than the grace period, recorded in
 * {@code swept_file}; a younger one stays (its change may still commit), and every file a record
 * names (a published notice's PDF, an attachment) stays whatever its age. Each application here has a
 * file store of its own (the database is the suite's), so a sweep sees only the files of its test.
 */
class OrphanFileSweepTests {

	@TempDir
	static Path temp;

	static S3Server s3;

	static final List<ConfigurableApplicationContext> started = new ArrayList<>();

	@BeforeAll
	static void startS3() throws IOException {
		s3 = S3Server.start(Files.createDirectories(temp.resolve("s3")));
	}

	@AfterAll
	static void stop() throws Exception {
		started.forEach(ConfigurableApplicationContext::close);
		s3.close();
	}

	static ConfigurableApplicationContext start(String store) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--paragraf.files.directory=" + temp.resolve("files-" + UUID.randomUUID())));
		if (store.equals("s3")) {
			s3.properties("orphans-" + UUID.randomUUID().toString().substring(0, 8))
				.forEach((name, value) -> args.add("--" + name + "=" + value));
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ParagrafApplication.class)
			.run(args.toArray(String[]::new));
		started.add(context);
		return context;
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "local", "s3" })
	void aFileNoRecordNamesGoesOnceOlderThanTheGracePeriodAndEveryNamedFileStays(String store) throws Exception {
		ConfigurableApplicationContext app = start(store);
		FileStore files = app.getBean(FileStore.class);
		BoardWithPeople board = PeopleFixtures.jointBoard(app.getBean(Organisation.class));
		MeetingPlanning planning = app.getBean(MeetingPlanning.class);
		MatterRegister register = app.getBean(MatterRegister.class);
		Meeting meeting = planning.schedule(board.code(), MeetingKind.ORDINARY, LocalDateTime.of(2027, 4, 6, 13, 0),
				LocalDateTime.of(2027, 4, 6, 15, 0), "Sammanträdesrummet Balder", null);
		Long matterId = register.register(board.code(), "Taxa för bygglov").getId();
		planning.addMatter(meeting.getId(), planning.meeting(meeting.getId()).getVersion(), matterId);
		app.getBean(NoticePublication.class).publish(meeting.getId(), planning.meeting(meeting.getId()).getVersion());
		Attachment attachment = register.attachFile(matterId, "Tjänsteskrivelse", "skrivelse.pdf", "application/pdf",
				new ByteArrayInputStream("%PDF-1.7\n% tjänsteskrivelse".getBytes(StandardCharsets.UTF_8)));
		FileStore.StoredFile orphan = files.store("%PDF-1.7\n% kallelse som aldrig publicerades".getBytes(StandardCharsets.UTF_8));
		List<String> named = files.list().stream().map(FileStore.Listed::key).filter(k -> !k.equals(orphan.key())).toList();
		assertThat(named).as("the notice's PDF and the attachment").hasSizeGreaterThanOrEqualTo(2)
			.contains(attachment.getStorageKey());

		OrphanFiles orphans = app.getBean(OrphanFiles.class);
		OrphanFiles.Report young = orphans.sweep(Duration.ofHours(1));
		assertThat(young.orphans()).as("younger than the grace period: its change may still commit").isEmpty();
		assertThat(files.exists(orphan.key())).isTrue();

		Thread.sleep(1100); // S3 gives Last-Modified in whole seconds
		OrphanFiles.Report swept = orphans.sweep(Duration.ZERO);
		assertThat(swept.orphans()).extracting(FileStore.Listed::key).containsExactly(orphan.key());
		assertThat(files.exists(orphan.key())).isFalse();
		assertThat(files.list()).extracting(FileStore.Listed::key).containsExactlyInAnyOrderElementsOf(named);
		assertThat(app.getBean(JdbcClient.class)
			.sql("select size_bytes from swept_file where file_key = ?")
			.param(orphan.key())
			.query(Long.class)
			.list()).containsExactly(orphan.size());
		assertThat(register.content(register.attachment(attachment.getId())))
			.startsWith("%PDF-1.7".getBytes(StandardCharsets.UTF_8));
		assertThat(orphans.sweep(Duration.ZERO).orphans()).as("a second sweep finds nothing").isEmpty();
	}

	@Test
	void aPartLeftHalfWrittenGoesOnceOlderThanTheGracePeriod() throws Exception {
		ConfigurableApplicationContext app = start("local");
		Path spool = Path.of(app.getBean(FileStore.class).location()).resolve(".incoming");
		Path old = Files.writeString(spool.resolve(UUID.randomUUID() + "123.part"), "halv kallelse");
		Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
		Path recent = Files.writeString(spool.resolve(UUID.randomUUID() + "456.part"), "uppladdning pågår");

		OrphanFiles.Report report = app.getBean(OrphanFiles.class).sweep(Duration.ofDays(1));
		assertThat(report.abandonedParts()).isEqualTo(1);
		assertThat(old).doesNotExist();
		assertThat(recent).exists();
	}

	@Test
	void theSweepRefusesToRemoveAnythingWhenAColumnMightHoldFileKeysItDoesNotKnow() throws Exception {
		ConfigurableApplicationContext app = start("local");
		OrphanFiles orphans = app.getBean(OrphanFiles.class);
		assertThat(orphans.unknownKeyColumns()).as("every ..._key column of the schema is known").isEmpty();
		FileStore files = app.getBean(FileStore.class);
		FileStore.StoredFile file = files.store("bilaga i en ny modul".getBytes(StandardCharsets.UTF_8));
		Thread.sleep(1100);
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		jdbc.sql("create table orphan_test_appendix (id bigint primary key, scan_key varchar(36))").update();
		try {
			assertThatThrownBy(() -> orphans.sweep(Duration.ZERO)).hasMessageContaining("orphan_test_appendix.scan_key");
			assertThat(files.exists(file.key())).isTrue();
		}
		finally {
			jdbc.sql("drop table orphan_test_appendix").update();
		}
		assertThat(orphans.sweep(Duration.ZERO).orphans()).extracting(FileStore.Listed::key).containsExactly(file.key());
	}

}
