package se.paragraf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Pins output users see (a document's embedded table, a mail) to a recorded copy in
 * {@code src/test/resources/characterisation}, so that moving how it is produced cannot change it.
 * Values that differ from run to run (a generated board code) are named in the copy as
 * {@code ${NAME}}. A missing copy is recorded from the output and the test fails once, to be checked
 * by eye and committed (with {@code CHARACTERISATION_RECORD} set, every missing copy is recorded and
 * nothing fails).
 */
public final class Characterisation {

	private static final Path DIRECTORY = Path.of("src/test/resources/characterisation");

	private Characterisation() {
	}

	private static final Pattern NAMED_LETTER = Pattern.compile("&(?!(?:lt|gt|amp|quot);)[A-Za-z]+;");

	/**
	 * The text as a reader gets it: a letter written as a named reference ({@code &auml;}, as Spring's
	 * {@code HtmlUtils} wrote it) and written as itself (as Thymeleaf does) are the same.
	 */
	static String sameText(String html) {
		return NAMED_LETTER.matcher(html).replaceAll(m -> Matcher.quoteReplacement(HtmlUtils.htmlUnescape(m.group())));
	}

	public static void assertUnchanged(String name, String actual, Map<String, String> variables) {
		String normalised = sameText(actual);
		// Longer values first, so that a board's name is named before the code inside it.
		for (Map.Entry<String, String> variable : variables.entrySet()
			.stream()
			.sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getValue().length()).reversed())
			.toList()) {
			normalised = normalised.replace(variable.getValue(), "${" + variable.getKey() + "}");
		}
		Path recorded = DIRECTORY.resolve(name + ".txt");
		try {
			if (!Files.exists(recorded)) {
				Files.createDirectories(DIRECTORY);
				Files.writeString(recorded, normalised, StandardCharsets.UTF_8);
				if (System.getenv("CHARACTERISATION_RECORD") == null) {
					fail("Recorded " + recorded + "; check it and run again");
				}
				return;
			}
			assertThat(normalised).as(name)
				.isEqualTo(sameText(Files.readString(recorded, StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
