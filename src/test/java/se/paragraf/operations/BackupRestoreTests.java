package se.paragraf.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.paragraf.ParagrafApplication;
import se.paragraf.shared.events.EventPublications;

/**
 * The backup procedure of docs/operations.md for the embedded default, end to end: the demo (a
 * published notice, certified and sealed minutes) runs on an H2 file database; H2's online
 * {@code BACKUP TO} is taken over a second connection while it runs, and the files folder copied;
 * both are restored into an empty directory, and {@code --paragraf.verify} started on it passes.
 * Then one sealed PDF is damaged and one published PDF lost, and the verification fails naming both.
 */
class BackupRestoreTests {

	private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";

	@TempDir
	Path work;

	@Test
	void aRestoredBackupVerifiesAndADamagedFileIsNamed() throws Exception {
		Path live = this.work.resolve("live");
		Path backup = this.work.resolve("backup");
		Path restored = this.work.resolve("restored");
		String liveUrl = "jdbc:h2:file:" + live.resolve("paragraf") + H2_OPTIONS + ";AUTO_SERVER=TRUE";

		try (ConfigurableApplicationContext running = new SpringApplicationBuilder(ParagrafApplication.class)
			.profiles("demo")
			.properties("server.port=0")
			.run(installation(liveUrl, live).toArray(String[]::new))) {
			assertThat(running.getBean(EventPublications.class).awaitIdle(Duration.ofMinutes(2))).isTrue();
			// As an operator does it: a second connection to the running database (AUTO_SERVER), then the files.
			Files.createDirectories(backup);
			try (Connection connection = DriverManager.getConnection(liveUrl, "sa", "");
					Statement statement = connection.createStatement()) {
				statement.execute("BACKUP TO '" + backup.resolve("paragraf.zip") + "'");
			}
			copyTree(live.resolve("files"), backup.resolve("files"));
		}

		Files.createDirectories(restored);
		unzip(backup.resolve("paragraf.zip"), restored);
		copyTree(backup.resolve("files"), restored.resolve("files"));
		String restoredUrl = "jdbc:h2:file:" + restored.resolve("paragraf") + H2_OPTIONS;
		List<String> restoredInstallation = installation(restoredUrl, restored);

		Verification passed = verify(restoredInstallation);
		assertThat(passed.exitCode()).as(passed.output()).isZero();
		assertThat(passed.output()).contains("sealed minutes", "OK").doesNotContain("FAIL");
		assertThat(passed.output()).containsPattern("1 sealed minutes|[2-9] sealed minutes");

		String sealed = single(restoredUrl, "select signed_pdf_key from minutes where signed_pdf_key is not null order by id");
		String noticePdf = single(restoredUrl, "select pdf_key from notice order by id");
		Path sealedFile = restored.resolve("files").resolve(sealed.substring(0, 2)).resolve(sealed);
		byte[] bytes = Files.readAllBytes(sealedFile);
		bytes[bytes.length / 2] ^= 0x01;
		Files.write(sealedFile, bytes);
		Files.delete(restored.resolve("files").resolve(noticePdf.substring(0, 2)).resolve(noticePdf));

		Verification failed = verify(restoredInstallation);
		assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
		assertThat(failed.output()).containsPattern("FAIL .*minutes of meeting \\d+ version \\d+, sealed PDF: file " + sealed
				+ " is not the file stored")
			.containsPattern("FAIL .*notice of meeting \\d+ version \\d+, public PDF: file " + noticePdf + " is missing");
	}

	private static List<String> installation(String url, Path directory) {
		// the embedded default's procedure, also under -Ppostgres (whose profile names another user)
		return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=sa", "--spring.datasource.password=",
				"--paragraf.files.directory=" + directory.resolve("files"),
				"--paragraf.demo-password=backup-demo-password");
	}

	record Verification(int exitCode, String output) {
	}

	private static Verification verify(List<String> installation) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = VerifyCommand.run(ParagrafApplication.class, new PrintStream(out, true, StandardCharsets.UTF_8),
				installation.toArray(String[]::new));
		return new Verification(code, out.toString(StandardCharsets.UTF_8));
	}

	private static String single(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			assertThat(rows.next()).as(sql).isTrue();
			return rows.getString(1);
		}
	}

	private static void unzip(Path zip, Path target) throws IOException {
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				Path file = target.resolve(entry.getName()).normalize();
				assertThat(file.startsWith(target)).as(entry.getName()).isTrue();
				Files.createDirectories(file.getParent());
				Files.copy(in, file);
			}
		}
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
	}


}
