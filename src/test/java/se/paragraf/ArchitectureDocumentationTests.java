package se.paragraf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module diagrams and canvases in docs/architecture are what Spring Modulith draws from the code
 * as it is: the component diagram of all modules (C4, PlantUML), one diagram per module and one
 * canvas per module. To bring them up to date after changing a module's dependencies or public face:
 * {@code mvn -o test -Dtest=ArchitectureDocumentationTests -Dparagraf.architecture.update=true}, then
 * commit them.
 */
class ArchitectureDocumentationTests {

	static final Path COMMITTED = Path.of("docs/architecture");

	private static final String GENERATED = "target/architecture";

	@Test
	void theCommittedDiagramsAndCanvasesAreTheModulesAsTheyAre() throws IOException {
		withoutJavadoc();
		ApplicationModules modules = ApplicationModules.of(ParagrafApplication.class);
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED)).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		Map<String, String> generated = read(Path.of(GENERATED));
		assertThat(generated).containsKeys("components.puml", "module-meetings.puml", "module-proceedings.adoc");
		if (Boolean.getBoolean("paragraf.architecture.update")) {
			Files.createDirectories(COMMITTED);
			for (String stale : read(COMMITTED).keySet()) {
				Files.delete(COMMITTED.resolve(stale));
			}
			for (Map.Entry<String, String> file : generated.entrySet()) {
				Files.writeString(COMMITTED.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
			}
		}
		assertThat(read(COMMITTED)).as("""
				%s differs from what Spring Modulith draws from the code: a module's dependencies or public
				face changed. Bring it up to date with
				  mvn -o test -Dtest=ArchitectureDocumentationTests -Dparagraf.architecture.update=true
				and commit it (docs/architecture.md links the diagrams).""", COMMITTED)
			.isEqualTo(generated);
	}

	/**
	 * Spring Modulith's annotation processor collects every type's Javadoc in
	 * target/generated-spring-modulith/javadoc.json, and the canvases would quote it. They are drawn
	 * without it: then the committed canvases go stale only when a module's structure changes (its
	 * beans, aggregates, events, dependencies), not with every comment, in any module, that names a
	 * bean. (Modulith 2.0.3 also reads the file with Boot's BasicJsonParser, which fails on an escaped
	 * quote.) The module descriptions are in the package-info files and docs/architecture.md.
	 */
	private static void withoutJavadoc() throws IOException {
		Path javadoc = Path.of("target/generated-spring-modulith/javadoc.json");
		if (Files.exists(javadoc)) {
			Files.writeString(javadoc, "[]", StandardCharsets.UTF_8);
		}
	}

	/** The generated files of a folder (.puml and .adoc) by name, with line ends as LF. */
	private static Map<String, String> read(Path folder) throws IOException {
		Map<String, String> files = new TreeMap<>();
		if (!Files.isDirectory(folder)) {
			return files;
		}
		List<Path> paths = new ArrayList<>();
		try (Stream<Path> list = Files.list(folder)) {
			list.filter(p -> p.toString().endsWith(".puml") || p.toString().endsWith(".adoc")).forEach(paths::add);
		}
		for (Path path : paths) {
			files.put(path.getFileName().toString(),
					Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n"));
		}
		return files;
	}

}
