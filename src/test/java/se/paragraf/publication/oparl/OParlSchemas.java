package se.paragraf.publication.oparl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OParl 1.1 JSON schemas (copied from the specification into src/test/resources/oparl-1.1) and
 * the rules of chapter 2 that they do not express: created/modified on every object, date-time
 * format, no nulls or empty strings. The schemas name embedded objects with a {@code schema} key that
 * validators ignore, so embedded objects are validated here against their own schema.
 */
public final class OParlSchemas {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}");

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

	private final Map<String, Schema> schemas = new HashMap<>();

	private final Map<String, JsonNode> raw = new HashMap<>();

	/** Every problem with the object and what it embeds; empty when it conforms. */
	List<String> problems(JsonNode object) {
		List<String> problems = new ArrayList<>();
		check(object, "$", problems);
		return problems;
	}

	public void assertValid(JsonNode object) {
		assertThat(problems(object)).as("OParl problems in %s", object).isEmpty();
	}

	private void check(JsonNode object, String path, List<String> problems) {
		String type = object.path("type").asString("");
		if (!type.startsWith(Kind.SCHEMA)) {
			problems.add(path + ": type " + type);
			return;
		}
		String name = type.substring(Kind.SCHEMA.length());
		for (Error error : schema(name).validate(object)) {
			problems.add(path + " (" + name + "): " + error.getMessage());
		}
		for (String field : List.of("created", "modified")) {
			if (!DATE_TIME.matcher(object.path(field).asString("")).matches()) {
				problems.add(path + " (" + name + "): " + field + " missing or not yyyy-mm-ddThh:mm:ss±hh:mm");
			}
		}
		JsonNode properties = raw(name).path("properties");
		for (Map.Entry<String, JsonNode> property : object.properties()) {
			String field = property.getKey();
			JsonNode value = property.getValue();
			String at = path + "." + field;
			if (value.isNull() || (value.isString() && value.asString().isEmpty())) {
				problems.add(at + ": null or empty instead of left out");
			}
			JsonNode spec = properties.path(field);
			if ("date-time".equals(spec.path("format").asString("")) && !DATE_TIME.matcher(value.asString("")).matches()) {
				problems.add(at + ": not a date-time " + value);
			}
			if ("date".equals(spec.path("format").asString("")) && !DATE.matcher(value.asString("")).matches()) {
				problems.add(at + ": not a date " + value);
			}
			if (!spec.path("schema").isMissingNode() && value.isObject()) {
				check(value, at, problems);
			}
			if (spec.path("items").has("schema") && value.isArray()) {
				for (int i = 0; i < value.size(); i++) {
					check(value.get(i), at + "[" + i + "]", problems);
				}
			}
			if (field.contains(":") && !field.startsWith("Paragraf:")) {
				problems.add(at + ": vendor field without the Paragraf prefix");
			}
		}
	}

	private Schema schema(String name) {
		return this.schemas.computeIfAbsent(name, n -> this.registry.getSchema(raw(n)));
	}

	private JsonNode raw(String name) {
		return this.raw.computeIfAbsent(name, n -> {
			try (InputStream in = OParlSchemas.class.getResourceAsStream("/oparl-1.1/schema/" + n + ".json")) {
				if (in == null) {
					throw new IllegalStateException("No OParl schema for " + n);
				}
				return JSON.readTree(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

}
