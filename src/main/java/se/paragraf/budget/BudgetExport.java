package se.paragraf.budget;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

import se.paragraf.budget.BudgetManagement.VersionView;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a budget version out: as an Excel workbook in the layout the import reads (amounts in tkr,
 * exact to the öre), and as a Fiscal Data Package (a CSV of exact amounts in kronor with a
 * {@code datapackage.json} stating currency and scale).
 */
public final class BudgetExport {

	private BudgetExport() {
	}

	public static byte[] workbook(VersionView view) {
		BudgetContent content = view.content();
		int year = view.year();
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle tkr = workbook.createCellStyle();
			tkr.setDataFormat(workbook.createDataFormat().getFormat("# ##0;-# ##0"));
			Sheet activities = workbook.createSheet(BudgetImport.ACTIVITIES);
			row(activities, 0, "Verksamhet", "Nettokostnad Budget " + (year - 1), "Intäkter externa " + year,
					"Intäkter interna " + year, "Kostnad " + year, "Nettokostnad Budget " + year,
					"Nettokostnad Budget " + (year + 1), "Nettokostnad Budget " + (year + 2));
			int r = 1;
			for (ActivityLine line : content.activities()) {
				Row row = activities.createRow(r++);
				row.createCell(0).setCellValue(line.label());
				tkr(row, 1, line.priorNet(), tkr);
				tkr(row, 2, line.externalRevenue(), tkr);
				tkr(row, 3, line.internalRevenue(), tkr);
				tkr(row, 4, line.cost(), tkr);
				tkr(row, 5, line.net(), tkr);
				tkr(row, 6, line.plan1Net(), tkr);
				tkr(row, 7, line.plan2Net(), tkr);
			}
			Row frame = activities.createRow(r + 1);
			frame.createCell(0).setCellValue("Ram");
			tkr(frame, 1, content.frame(), tkr);
			frame.createCell(2).setCellValue("Justerad ram");
			tkr(frame, 3, content.adjustedFrame(), tkr);
			Sheet costTypes = workbook.createSheet(BudgetImport.COST_TYPES);
			row(costTypes, 0, "Enhet", "Total lönekostnad", "Därav lönekostnad ej tillsvidareanställda",
					"Kapitalkostnad", "Lokalhyra", "Övriga kostnader", "Intäkter");
			String[] labels = { "Budget " + (year - 1), "Kostnads/int-förändring", "Verksamhetsförändring",
					"Budget " + year };
			for (int i = 0; i < labels.length; i++) {
				Row row = costTypes.createRow(i + 1);
				row.createCell(0).setCellValue(labels[i]);
				for (CostType type : CostType.values()) {
					int index = i;
					content.costType(type).ifPresent(line -> tkr(row, type.ordinal() + 1, switch (index) {
						case 0 -> line.prior();
						case 1 -> line.priceChange();
						case 2 -> line.activityChange();
						default -> line.budget();
					}, tkr));
				}
			}
			Sheet staff = workbook.createSheet(BudgetImport.STAFF);
			Row years = staff.createRow(0);
			Row measures = staff.createRow(1);
			Row values = staff.createRow(2);
			values.createCell(0).setCellValue(view.board().getName());
			int c = 1;
			for (StaffYear staffYear : content.staff()) {
				years.createCell(c).setCellValue("Budget " + staffYear.year());
				measures.createCell(c).setCellValue("Antal tillsvidareanställda");
				if (staffYear.headcount() != null) {
					values.createCell(c).setCellValue(staffYear.headcount().doubleValue());
				}
				measures.createCell(c + 1).setCellValue("Lönekostnad");
				tkr(values, c + 1, staffYear.personnelCost(), tkr);
				c += 2;
			}
			Sheet investments = workbook.createSheet(BudgetImport.INVESTMENTS);
			row(investments, 0, "Projektkod", "Namn", "Investeringsbudget " + year + " (tkr)");
			r = 1;
			for (Investment project : content.investments()) {
				Row row = investments.createRow(r++);
				row.createCell(0).setCellValue(project.projectCode());
				row.createCell(1).setCellValue(project.name());
				tkr(row, 2, project.amount(), tkr);
			}
			if (content.councilDecision() != null) {
				Row row = investments.createRow(r + 1);
				row.createCell(0).setCellValue("Beslut");
				row.createCell(1).setCellValue(content.councilDecision());
			}
			Sheet assumptions = workbook.createSheet(BudgetImport.ASSUMPTIONS);
			row(assumptions, 0, "År", "Löneuppräkning %", "PO-pålägg %");
			r = 1;
			for (Assumption assumption : content.assumptions()) {
				Row row = assumptions.createRow(r++);
				row.createCell(0).setCellValue(assumption.year());
				if (assumption.salaryIndexation() != null) {
					row.createCell(1).setCellValue(assumption.salaryIndexation().doubleValue());
				}
				row.createCell(2).setCellValue(assumption.payrollOnCost().doubleValue());
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The columns of {@code budget.csv}, in order: the CSV header and the Table Schema are both written
	 * from this list, so they cannot disagree.
	 */
	static final List<Map<String, Object>> FIELDS = List.of(field("board", "string", "Board code"),
			field("year", "integer", "Budget year"), field("version", "integer", "Budget version number"),
			field("status", "string", "Status of the version"),
			field("table", "string", "Budget table: activities, cost_types, staff, investments or frame"),
			field("code", "string", "Activity code, cost type, project code or frame"),
			field("name", "string", "Activity, cost type or project name"),
			field("measure", "string", "What the amount is, e.g. net, cost, plan_net, budget"),
			field("measure_year", "integer", "The year the amount is for"),
			decimal("amount", "Exact amount in SEK (kronor with öre); revenues negative"));

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	/**
	 * A zip with {@code datapackage.json} and {@code budget.csv}: exact kronor, one amount per line. The
	 * descriptor is a Tabular Data Package (the profile the Fiscal Data Package schema itself requires) with
	 * the Fiscal Data Package's {@code model}, {@code fiscalPeriod} and {@code countryCode}, so that the
	 * generic Data Package tools and fiscal ones both read it.
	 */
	public static byte[] fiscalDataPackage(VersionView view) {
		StringBuilder csv = new StringBuilder(String.join(",", FIELDS.stream().map(f -> (String) f.get("name")).toList()))
			.append('\n');
		BudgetContent content = view.content();
		int year = view.year();
		for (ActivityLine line : content.activities()) {
			fact(csv, view, "activities", line.code(), line.name(), "prior_net", year - 1, line.priorNet());
			fact(csv, view, "activities", line.code(), line.name(), "external_revenue", year, line.externalRevenue());
			fact(csv, view, "activities", line.code(), line.name(), "internal_revenue", year, line.internalRevenue());
			fact(csv, view, "activities", line.code(), line.name(), "cost", year, line.cost());
			fact(csv, view, "activities", line.code(), line.name(), "net", year, line.net());
			fact(csv, view, "activities", line.code(), line.name(), "plan_net", year + 1, line.plan1Net());
			fact(csv, view, "activities", line.code(), line.name(), "plan_net", year + 2, line.plan2Net());
		}
		for (CostTypeLine line : content.costTypes()) {
			String code = line.costType().name();
			fact(csv, view, "cost_types", code, code, "prior_budget", year - 1, line.prior());
			fact(csv, view, "cost_types", code, code, "price_and_cost_change", year, line.priceChange());
			fact(csv, view, "cost_types", code, code, "activity_change", year, line.activityChange());
			fact(csv, view, "cost_types", code, code, "budget", year, line.budget());
		}
		for (StaffYear staff : content.staff()) {
			fact(csv, view, "staff", "personnel", "", "personnel_cost", staff.year(), staff.personnelCost());
		}
		for (Investment project : content.investments()) {
			fact(csv, view, "investments", project.projectCode(), project.name(), "investment", year, project.amount());
		}
		fact(csv, view, "frame", "frame", "", "frame", year, content.frame());
		fact(csv, view, "frame", "adjusted_frame", "", "adjusted_frame", year, content.adjustedFrame());
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("datapackage.json"));
			zip.write(JSON.writeValueAsBytes(descriptor(view)));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("budget.csv"));
			zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.finish();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, Object> descriptor(VersionView view) {
		int year = view.year();
		// Data Package names are lower-case letters, digits and -._/ only.
		String name = ("paragraf-budget-" + view.board().getCode() + "-" + year + "-v" + view.number())
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^-a-z0-9._/]", "-");
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("profile", "tabular-data-resource");
		// Data Package 2.0 marks a tabular resource with its type; 1.0 readers ignore it.
		resource.put("type", "table");
		resource.put("name", "budget");
		resource.put("path", "budget.csv");
		resource.put("format", "csv");
		resource.put("mediatype", "text/csv");
		resource.put("encoding", "utf-8");
		resource.put("schema", Map.of("fields", FIELDS));
		Map<String, Object> measure = new LinkedHashMap<>();
		measure.put("source", "amount");
		measure.put("currency", "SEK");
		measure.put("factor", 1);
		measure.put("direction", "expenditure");
		measure.put("phase", switch (view.status()) {
			case DECIDED -> "approved";
			case ADJUSTED -> "adjusted";
			case DRAFT, PROPOSED -> "proposed";
		});
		Map<String, Object> dimensions = new LinkedHashMap<>();
		dimensions.put("activity", dimension(Map.of("code", source("code"), "name", source("name")), "code", null));
		dimensions.put("measure", dimension(Map.of("measure", source("measure")), "measure", null));
		dimensions.put("date", dimension(Map.of("year", source("measure_year")), "year", "datetime"));
		Map<String, Object> descriptor = new LinkedHashMap<>();
		descriptor.put("profile", "tabular-data-package");
		descriptor.put("name", name);
		descriptor.put("title", view.board().getName() + " budget " + year + ", version " + view.number() + " ("
				+ view.label() + ")");
		descriptor.put("countryCode", "SE");
		descriptor.put("granularity", "aggregated");
		descriptor.put("fiscalPeriod", Map.of("start", year + "-01-01", "end", year + "-12-31"));
		descriptor.put("resources", List.of(resource));
		descriptor.put("model", Map.of("measures", Map.of("amount", measure), "dimensions", dimensions));
		descriptor.put("currency", "SEK");
		descriptor.put("scale", "units: SEK (factor 1); amounts are exact to the öre, not rounded to tkr or mSEK");
		return descriptor;
	}

	private static Map<String, Object> dimension(Map<String, Object> attributes, String primaryKey,
			@Nullable String dimensionType) {
		Map<String, Object> dimension = new LinkedHashMap<>();
		dimension.put("attributes", new TreeMap<>(attributes));
		dimension.put("primaryKey", List.of(primaryKey));
		if (dimensionType != null) {
			dimension.put("dimensionType", dimensionType);
		}
		return dimension;
	}

	private static Map<String, Object> source(String field) {
		return Map.of("source", field);
	}

	private static Map<String, Object> field(String name, String type, String description) {
		Map<String, Object> field = new LinkedHashMap<>();
		field.put("name", name);
		field.put("type", type);
		field.put("description", description);
		return field;
	}

	private static Map<String, Object> decimal(String name, String description) {
		Map<String, Object> field = field(name, "number", description);
		field.put("decimalChar", ".");
		return field;
	}

	private static void fact(StringBuilder csv, VersionView view, String table, String code, String name,
			String measure, int year, @Nullable Long ore) {
		if (ore == null) {
			return;
		}
		csv.append(String.join(",", List.of(csvText(view.board().getCode()), Integer.toString(view.year()),
				Integer.toString(view.number()), view.status().name(), table, csvText(code), csvText(name), measure,
				Integer.toString(year), Amounts.kronor(ore).toPlainString())))
			.append('\n');
	}

	private static String csvText(String text) {
		return text.matches("[^,\"\\n\\r]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
	}

	private static void row(Sheet sheet, int index, String... cells) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < cells.length; i++) {
			row.createCell(i).setCellValue(cells[i]);
		}
	}

	private static void tkr(Row row, int column, @Nullable Long ore, CellStyle style) {
		if (ore == null) {
			return;
		}
		org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
		cell.setCellValue(BigDecimal.valueOf(ore).movePointLeft(5).doubleValue());
		cell.setCellStyle(style);
	}

}
