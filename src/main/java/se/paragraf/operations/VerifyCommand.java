package se.paragraf.operations;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import se.paragraf.operations.orphans.OrphanFileSettings;
import se.paragraf.operations.orphans.OrphanFiles;
import se.paragraf.operations.verify.InstallationVerification;

/**
 * {@code java -jar paragraf.jar --paragraf.verify}: starts Paragraf on the configured database and
 * files (its web server on a free loopback port only), verifies them ({@link InstallationVerification}), prints a report
 * and ends: exit code 0 when everything checks, 1 when something is wrong (each problem on a line
 * starting with FAIL, naming the record and the file key), 2 when the check could not run.
 * <p>
 * Files that no record names (left by a change that never committed) are listed as NOTE lines, not
 * errors and not removed: the orphan sweep removes them ({@code paragraf.files.orphans}).
 * <p>
 * It changes nothing: the outstanding event publications are not replayed (no mail goes out from a
 * restored copy), and the Lucene index is the only thing it may write, filled from the database as
 * at any start.
 */
public final class VerifyCommand {

	public static final String ARGUMENT = "--paragraf.verify";

	/**
	 * The web server still starts (the security configuration is built for it), but on a free
	 * loopback port nobody is told of.
	 */
	private static final List<String> QUIET = List.of("--spring.main.banner-mode=off", "--server.port=0",
			"--server.address=127.0.0.1",
			"--spring.modulith.events.republish-outstanding-events-on-restart=false",
			"--paragraf.search.refeed-on-startup=false", "--paragraf.files.orphans.on-start=false",
			// The index check before the report, as the report may read the index; no warm-up request.
			"--paragraf.search.startup-check-in-background=false", "--paragraf.web.warm-up=false");

	private VerifyCommand() {
	}

	public static boolean requested(String... args) {
		return Arrays.stream(args).anyMatch(a -> a.equals(ARGUMENT) || a.startsWith(ARGUMENT + "="));
	}

	/** Runs the verification; answers the exit code. */
	public static int run(Class<?> application, PrintStream out, String... args) {
		List<String> all = new ArrayList<>(Arrays.asList(args));
		all.removeIf(a -> a.equals(ARGUMENT) || a.startsWith(ARGUMENT + "="));
		all.addAll(QUIET);
		SpringApplication app = new SpringApplication(application);
		// Only warnings around the report, unless the operator asks for more (LOGGING_LEVEL_ROOT=INFO).
		app.setDefaultProperties(Map.of("logging.level.root", "WARN", "logging.level.se.paragraf", "WARN"));
		try (ConfigurableApplicationContext context = app.run(all.toArray(String[]::new))) {
			InstallationVerification.Report report = context.getBean(InstallationVerification.class).verify();
			print(report, out);
			printOrphans(context.getBean(OrphanFiles.class)
				.find(context.getBean(OrphanFileSettings.class).grace()), out);
			return report.ok() ? 0 : 1;
		}
		catch (RuntimeException ex) {
			out.println("FAIL    the verification could not run: " + ex.getMessage());
			Throwable cause = ex;
			while (cause.getCause() != null && cause.getCause() != cause) {
				cause = cause.getCause();
			}
			if (cause != ex) {
				out.println("        because: " + cause);
			}
			return 2;
		}
	}

	static void print(InstallationVerification.Report report, PrintStream out) {
		StringBuilder counts = new StringBuilder();
		for (Map.Entry<String, Integer> count : report.counts().entrySet()) {
			counts.append(counts.isEmpty() ? "" : ", ").append(count.getValue()).append(' ').append(count.getKey());
		}
		out.println("Paragraf verification: " + report.files() + " recorded files (" + counts + "), "
				+ report.signatures() + " sealed minutes");
		report.problems().forEach(problem -> out.println("FAIL    " + problem));
		out.println(report.ok() ? "OK      every file present with its SHA-256, every signature valid"
				: "FAILED  " + report.problems().size() + " problem(s)");
		out.flush();
	}

	static void printOrphans(OrphanFiles.Report orphans, PrintStream out) {
		for (var orphan : orphans.orphans()) {
			out.println("NOTE    file " + orphan.key() + " (" + orphan.size() + " bytes, stored " + orphan.storedAt()
					+ ") is named by no record: the orphan sweep will remove it");
		}
		out.println("        " + orphans.stored() + " files stored, " + orphans.orphans().size()
				+ " named by no record and older than the grace period");
		out.flush();
	}

}
