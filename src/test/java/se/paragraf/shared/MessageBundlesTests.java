package se.paragraf.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Swedish first, English second: every text has both, and every key a template asks for exists.
 */
class MessageBundlesTests {

	private static final Path MESSAGES = Path.of("src/main/resources/messages");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** #{key} and #{key(args)} with a literal key; computed keys (#{'a.' + ${b}}) are not checked here. */
	private static final Pattern MESSAGE = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9_.-]*)(?:\\(|})");

	@Test
	void everySwedishTextHasAnEnglishOneAndTheOtherWayRound() throws IOException {
		List<String> missing = new ArrayList<>();
		try (Stream<Path> files = Files.list(MESSAGES)) {
			for (Path swedish : files.filter(p -> p.toString().endsWith(".properties") && !p.toString().contains("_"))
				.toList()) {
				Path english = swedish.resolveSibling(swedish.getFileName().toString().replace(".properties", "_en.properties"));
				assertThat(english).as("English bundle for %s", swedish).exists();
				Set<String> sv = keys(swedish);
				Set<String> en = keys(english);
				sv.stream().filter(k -> !en.contains(k)).forEach(k -> missing.add(english.getFileName() + " lacks " + k));
				en.stream().filter(k -> !sv.contains(k)).forEach(k -> missing.add(swedish.getFileName() + " lacks " + k));
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyMessageATemplateNamesExists() throws IOException {
		Set<String> known = new TreeSet<>();
		try (Stream<Path> files = Files.list(MESSAGES)) {
			for (Path bundle : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
				known.addAll(keys(bundle));
			}
		}
		List<String> unknown = new ArrayList<>();
		int checked = 0;
		try (Stream<Path> templates = Files.walk(TEMPLATES)) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher m = MESSAGE.matcher(Files.readString(template, StandardCharsets.UTF_8));
				while (m.find()) {
					checked++;
					if (!known.contains(m.group(1))) {
						unknown.add(TEMPLATES.relativize(template) + ": " + m.group(1));
					}
				}
			}
		}
		assertThat(checked).as("message references found in the templates").isGreaterThan(100);
		assertThat(unknown).isEmpty();
	}

	private static Set<String> keys(Path bundle) throws IOException {
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return new TreeSet<>(properties.stringPropertyNames());
	}

}
