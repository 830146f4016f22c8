package se.paragraf.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import se.paragraf.budget.BudgetManagement.VersionView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The budget's Fiscal Data Package as other people's tools read it: the descriptor validates against the
 * Data Package JSON Schemas (2.0, the current standard, and the 1.0 profiles the Frictionless tools pick
 * by {@code profile}, the Fiscal Data Package's among them; copied into src/test/resources/datapackage),
 * and every CSV resource's header and rows are what its Table Schema says.
 */
class FiscalDataPackageTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SchemaRegistry draft4 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

	private final SchemaRegistry draft7 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

	@ParameterizedTest
	@EnumSource(value = VersionStatus.class, names = { "PROPOSED", "DECIDED", "ADJUSTED" })
	void theDescriptorValidatesAgainstTheDataPackageSchemas(VersionStatus status) {
		Map<String, byte[]> zip = export(status);
		JsonNode descriptor = JSON.readTree(zip.get("datapackage.json"));

		assertValid(this.draft7, "2.0/datapackage.json", descriptor);
		assertValid(this.draft4, "1.0/data-package.json", descriptor);
		assertValid(this.draft4, "1.0/tabular-data-package.json", descriptor);
		assertValid(this.draft4, "1.0/fiscal-data-package.json", descriptor);
		assertThat(descriptor.path("resources")).isNotEmpty();
		for (JsonNode resource : descriptor.path("resources")) {
			assertThat(resource.path("profile").asString()).isEqualTo("tabular-data-resource");
			assertValid(this.draft7, "2.0/dataresource.json", resource);
			assertValid(this.draft4, "1.0/tabular-data-resource.json", resource);
			assertValid(this.draft7, "2.0/tableschema.json", resource.path("schema"));
			assertValid(this.draft4, "1.0/table-schema.json", resource.path("schema"));
		}
	}

	@ParameterizedTest
	@EnumSource(value = VersionStatus.class, names = { "PROPOSED", "DECIDED", "ADJUSTED" })
	void theFiscalModelIsKeptAndNamesColumnsOfTheData(VersionStatus status) {
		JsonNode descriptor = JSON.readTree(export(status).get("datapackage.json"));
		List<String> columns = new ArrayList<>();
		descriptor.path("resources").get(0).path("schema").path("fields").forEach(f -> columns.add(f.path("name").asString()));

		JsonNode amount = descriptor.path("model").path("measures").path("amount");
		assertThat(amount.path("currency").asString()).isEqualTo("SEK");
		assertThat(amount.path("phase").asString()).isEqualTo(switch (status) {
			case DECIDED -> "approved";
			case ADJUSTED -> "adjusted";
			default -> "proposed";
		});
		assertThat(columns).contains(amount.path("source").asString());
		assertThat(descriptor.path("model").path("dimensions").findValues("source")).isNotEmpty()
			.allSatisfy(source -> assertThat(columns).contains(source.asString()));
		assertThat(descriptor.path("fiscalPeriod").path("start").asString()).isEqualTo("2024-01-01");
	}

	@ParameterizedTest
	@EnumSource(value = VersionStatus.class, names = { "PROPOSED", "DECIDED", "ADJUSTED" })
	void everyCsvResourceHasTheColumnsAndTypesItsSchemaNames(VersionStatus status) {
		Map<String, byte[]> zip = export(status);
		JsonNode descriptor = JSON.readTree(zip.get("datapackage.json"));
		for (JsonNode resource : descriptor.path("resources")) {
			byte[] data = zip.get(resource.path("path").asString());
			assertThat(data).as("the resource's file %s in the zip", resource.path("path").asString()).isNotNull();
			List<List<String>> rows = csv(new String(data, StandardCharsets.UTF_8));
			List<String> names = new ArrayList<>();
			Map<String, String> types = new LinkedHashMap<>();
			resource.path("schema").path("fields").forEach(f -> {
				names.add(f.path("name").asString());
				types.put(f.path("name").asString(), f.path("type").asString());
			});
			assertThat(rows.get(0)).as("CSV header").containsExactlyElementsOf(names);
			assertThat(rows).hasSizeGreaterThan(1);
			for (List<String> row : rows.subList(1, rows.size())) {
				assertThat(row).as("row %s", row).hasSameSizeAs(names);
				for (int i = 0; i < names.size(); i++) {
					String value = row.get(i);
					switch (types.get(names.get(i))) {
						case "integer" -> assertThat(value).as("%s in %s", names.get(i), row).matches("-?\\d+");
						case "number" -> assertThat(new BigDecimal(value)).as("%s in %s", names.get(i), row).isNotNull();
						default -> {
						}
					}
				}
			}
		}
	}

	private void assertValid(SchemaRegistry registry, String schema, JsonNode instance) {
		List<Error> errors = registry.getSchema(resource(schema)).validate(instance);
		assertThat(errors).as("%s against %s", instance, schema).isEmpty();
	}

	private static JsonNode resource(String name) {
		try (InputStream in = FiscalDataPackageTests.class.getResourceAsStream("/datapackage/" + name)) {
			if (in == null) {
				throw new IllegalStateException("No schema " + name);
			}
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, byte[]> export(VersionStatus status) {
		BudgetContent seed = BudgetImport.read("gsn-2024.xlsx", SeedWorkbook.bytes(), 2024, BudgetContent.empty())
			.content();
		// A name that needs quoting in CSV and escaping in JSON.
		BudgetContent content = seed.withActivities(List.of(new ActivityLine("040", "Drift, \"IT\" och stöd", 1L,
				-290_123_457L, -354_900_001L, 645_023_458L, null, 99L)), 12_345L, 0L);
		VersionView view = BudgetTablesUnitTests.view(content, 3, "Nämndens \"förslag\"", status);
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(BudgetExport.fiscalDataPackage(view)))) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return entries;
	}

	/** RFC 4180: fields in double quotes may hold commas, quotes (doubled) and line breaks. */
	private static List<List<String>> csv(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n') {
				row.add(field.toString());
				field.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else if (c != '\r') {
				field.append(c);
			}
		}
		if (field.length() > 0 || !row.isEmpty()) {
			row.add(field.toString());
			rows.add(row);
		}
		return rows;
	}

}
