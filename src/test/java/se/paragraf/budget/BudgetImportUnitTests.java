package se.paragraf.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import se.paragraf.budget.BudgetImport.Preview;
import se.paragraf.budget.BudgetImport.Section;

class BudgetImportUnitTests {

	private static final long TKR = Amounts.TKR;

	@Test
	void importsTheSeedTablesIntoExactlyTheSeedFigures() {
		Preview preview = BudgetImport.read("gsn-2024.xlsx", SeedWorkbook.bytes(), 2024, BudgetContent.empty());

		assertThat(preview.errors()).isEmpty();
		assertThat(preview.canSave()).isTrue();
		assertThat(preview.sections()).containsExactlyInAnyOrder(Section.values()[0], Section.COST_TYPES, Section.STAFF,
				Section.INVESTMENTS);
		BudgetContent content = preview.content();
		assertThat(content.activities()).containsExactly(
				new ActivityLine("030", "Administration", 0L, -2901 * TKR, -3549 * TKR, 6450 * TKR, 0L, 0L),
				new ActivityLine("031", "Digitaliser. och Inno", 0L, -2144 * TKR, -2094 * TKR, 4237 * TKR, 0L, 0L),
				new ActivityLine("032", "IT Arkitektur och tekn", 0L, -12722 * TKR, -14863 * TKR, 27585 * TKR, 0L, 0L),
				new ActivityLine("033", "Stöd och support", 0L, -15205 * TKR, -18112 * TKR, 33316 * TKR, 0L, 0L),
				new ActivityLine("089", "IT vidarefakturering", 0L, -4870 * TKR, -485 * TKR, 5355 * TKR, 0L, 0L));
		assertThat(content.activities().get(0).externalRevenue()).isEqualTo(-290_100_000L);
		assertThat(content.frame()).isZero();
		assertThat(content.adjustedFrame()).isZero();
		assertThat(content.costTypes()).containsExactly(
				new CostTypeLine(CostType.PERSONNEL, 20152 * TKR, 1062 * TKR, 1256 * TKR, 22470 * TKR),
				new CostTypeLine(CostType.NON_PERMANENT, 0, 0, 0, 0),
				new CostTypeLine(CostType.CAPITAL, 2739 * TKR, 919 * TKR, 0, 3658 * TKR),
				new CostTypeLine(CostType.PREMISES, 1102 * TKR, 25 * TKR, 0, 1127 * TKR),
				new CostTypeLine(CostType.OTHER, 50142 * TKR, 1090 * TKR, -1543 * TKR, 49689 * TKR),
				new CostTypeLine(CostType.REVENUE, -74135 * TKR, -1705 * TKR, -1104 * TKR, -76944 * TKR));
		assertThat(content.staff()).containsExactly(new StaffYear(2023, new BigDecimal("32.00"), 20152 * TKR),
				new StaffYear(2024, new BigDecimal("34.00"), 22470 * TKR), new StaffYear(2025, null, null),
				new StaffYear(2026, null, null));
		assertThat(content.investments()).hasSize(7);
		assertThat(content.investmentTotal()).isEqualTo(7_600_000_00L);
		assertThat(content.investments().get(1)).isEqualTo(
				new Investment("Gemensam identitetsplattform", "Gemensam identitetsplattform", 500_000_00L));
		assertThat(content.councilDecision()).contains("GSN2023/4");
	}

	@Test
	void flagsThePrintedTotalsThatDoNotAddUpAndKeepsTheRows() {
		Preview preview = BudgetImport.read("gsn-2024.xlsx", SeedWorkbook.bytes(), 2024, BudgetContent.empty());

		assertThat(preview.warnings()).extracting(Finding::location, Finding::key)
			.contains(org.assertj.core.groups.Tuple.tuple("Verksamheter!C7", "budget.import.totalDiffers"),
					org.assertj.core.groups.Tuple.tuple("Verksamheter!D7", "budget.import.totalDiffers"),
					org.assertj.core.groups.Tuple.tuple("Verksamheter!E7", "budget.import.totalDiffers"),
					org.assertj.core.groups.Tuple.tuple("Verksamheter!F3", "budget.import.netDiffers"),
					org.assertj.core.groups.Tuple.tuple("Verksamheter!F5", "budget.import.netDiffers"));
		Finding external = preview.warnings()
			.stream()
			.filter(f -> f.location().equals("Verksamheter!C7"))
			.findFirst()
			.orElseThrow();
		assertThat(external.arguments()).containsExactly(Amounts.exact(-37841 * TKR), Amounts.exact(-37842 * TKR));
		assertThat(preview.content().externalRevenue()).isEqualTo(-37842 * TKR);
		assertThat(preview.content().internalRevenue()).isEqualTo(-39103 * TKR);
		assertThat(preview.content().cost()).isEqualTo(76943 * TKR);
	}

	@Test
	void flagsTheShiftedHeadcountColumnInsteadOfStoringIt() {
		Preview preview = BudgetImport.read("gsn-2024.xlsx", SeedWorkbook.bytes(), 2024, BudgetContent.empty());

		assertThat(preview.warnings()).filteredOn(f -> f.key().equals("budget.import.headcountDropped"))
			.extracting(Finding::location)
			.containsExactly("Personal!F3", "Personal!G3");
		assertThat(preview.content().staffIn(2025).orElseThrow().headcount()).isNull();
	}

	@Test
	void reportsTextInANumberCellWithSheetRowAndColumnAndSavesNothing() throws IOException {
		byte[] file = workbook(sheet -> {
			SeedWorkbook.row(sheet, 0, "Verksamhet", "Intäkter externa 2024", "Intäkter interna 2024", "Kostnad 2024");
			SeedWorkbook.row(sheet, 1, "030 Administration", "ett tusen", -3549, 6450);
		});

		Preview preview = BudgetImport.read("bad.xlsx", file, 2024, BudgetContent.empty());

		assertThat(preview.canSave()).isFalse();
		assertThat(preview.errors()).extracting(Finding::location, Finding::key)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Verksamheter!B2", "budget.import.notNumber"));
	}

	@Test
	void reportsAMissingColumn() throws IOException {
		byte[] file = workbook(sheet -> {
			SeedWorkbook.row(sheet, 0, "Verksamhet", "Intäkter externa 2024", "Kostnad 2024");
			SeedWorkbook.row(sheet, 1, "030 Administration", -2901, 6450);
		});

		Preview preview = BudgetImport.read("bad.xlsx", file, 2024, BudgetContent.empty());

		assertThat(preview.canSave()).isFalse();
		assertThat(preview.errors()).extracting(Finding::key, Finding::arguments)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("budget.import.missingColumn",
					List.of("budget.import.column.INTERNAL")));
	}

	@Test
	void reportsAFormulaThatErrors() throws IOException {
		byte[] file = workbook(sheet -> {
			SeedWorkbook.row(sheet, 0, "Verksamhet", "Intäkter externa 2024", "Intäkter interna 2024", "Kostnad 2024");
			SeedWorkbook.row(sheet, 1, "030 Administration", -2901, -3549, 6450);
			sheet.getRow(1).getCell(3).setCellFormula("1/0");
			sheet.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateAll();
		});

		Preview preview = BudgetImport.read("bad.xlsx", file, 2024, BudgetContent.empty());

		assertThat(preview.canSave()).isFalse();
		assertThat(preview.errors()).extracting(Finding::location, Finding::key)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Verksamheter!D2", "budget.import.formulaError"));
		assertThat(preview.errors().get(0).arguments()).containsExactly("#DIV/0!");
	}

	@Test
	void refusesAWorkbookWithoutKnownSheets() throws IOException {
		byte[] file;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			SeedWorkbook.row(workbook.createSheet("Blad1"), 0, "Verksamhet", 1);
			workbook.write(out);
			file = out.toByteArray();
		}

		Preview preview = BudgetImport.read("other.xlsx", file, 2024, BudgetContent.empty());

		assertThat(preview.canSave()).isFalse();
		assertThat(preview.errors()).extracting(Finding::key).containsExactly("budget.import.wrongSheets");
	}

	@Test
	void refusesAnEmptyFileJunkAndAnOversizedFile() {
		byte[] junk = new byte[10 * 1024 * 1024];
		new Random(7).nextBytes(junk);
		byte[] zipJunk = new byte[4096];
		new Random(8).nextBytes(zipJunk);
		zipJunk[0] = 'P';
		zipJunk[1] = 'K';
		zipJunk[2] = 3;
		zipJunk[3] = 4;

		assertThat(BudgetImport.read("e.xlsx", new byte[0], 2024, BudgetContent.empty()).errors())
			.extracting(Finding::key)
			.containsExactly("budget.import.empty");
		assertThat(BudgetImport.read("big.xlsx", junk, 2024, BudgetContent.empty()).errors()).extracting(Finding::key)
			.containsExactly("budget.import.tooLarge");
		assertThat(BudgetImport.read("j.xlsx", java.util.Arrays.copyOf(junk, 5000), 2024, BudgetContent.empty())
			.errors()).extracting(Finding::key).containsExactly("budget.import.notSpreadsheet");
		assertThat(BudgetImport.read("z.xlsx", zipJunk, 2024, BudgetContent.empty()).errors()).extracting(Finding::key)
			.containsExactly("budget.import.notSpreadsheet");
		assertThat(BudgetImport.read("j.csv", java.util.Arrays.copyOf(junk, 5000), 2024, BudgetContent.empty())
			.errors()).extracting(Finding::key).containsExactly("budget.import.notSpreadsheet");
	}

	@Test
	void importsTheActivityTableFromSwedishCsv() {
		String csv = """
				Verksamhet;Intäkter externa 2024;Intäkter interna 2024;Kostnad 2024;Nettokostnad Budget 2024
				030 Administration;-2 901;-3 549;6 450;0
				031 Digitaliser. och Inno;-2 144,5;-2 094;4 237;0
				""";

		Preview preview = BudgetImport.read("verksamheter.csv", csv.getBytes(StandardCharsets.UTF_8), 2024,
				BudgetContent.empty());

		assertThat(preview.errors()).isEmpty();
		assertThat(preview.sections()).containsExactly(Section.ACTIVITIES);
		assertThat(preview.content().activities().get(1).externalRevenue()).isEqualTo(-214_450_000L);
		assertThat(preview.warnings()).extracting(Finding::location).containsExactly("verksamheter.csv!E3");
	}

	@Test
	void aCsvCellWithALineBreakOrASemicolonInQuotesIsOneCellAndLaterRowsKeepTheirExcelRowNumbers() {
		// As Excel saves a sheet whose cells wrap text (Alt+Enter) or hold a semicolon.
		String csv = "Projekt;Benämning;Investering 2024\r\n"
				+ "P1;\"Ny förskola\r\nvid torget; etapp 1\";1 500\r\n"
				+ "P2;Nät;x\r\n"
				+ "Beslut;\"KF 2023-11-20 § 12:\r\nbudgeten fastställs\"\r\n";

		Preview preview = BudgetImport.read("investeringar.csv", csv.getBytes(StandardCharsets.UTF_8), 2024,
				BudgetContent.empty());

		assertThat(preview.sections()).containsExactly(Section.INVESTMENTS);
		assertThat(preview.content().investments()).extracting(Investment::projectCode, Investment::name)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("P1", "Ny förskola\r\nvid torget; etapp 1"),
					org.assertj.core.groups.Tuple.tuple("P2", "Nät"));
		assertThat(preview.content().councilDecision()).isEqualTo("KF 2023-11-20 § 12:\r\nbudgeten fastställs");
		assertThat(preview.errors()).extracting(Finding::location, Finding::key)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("investeringar.csv!C3", "budget.import.notNumber"));
	}

	@Test
	void aCsvQuoteThatIsNeverClosedIsAnErrorOnTheRowItOpens() {
		String csv = "Projekt;Investering 2024\nP1;1\nP2;\"2\nP3;3\n";

		Preview preview = BudgetImport.read("investeringar.csv", csv.getBytes(StandardCharsets.UTF_8), 2024,
				BudgetContent.empty());

		assertThat(preview.canSave()).isFalse();
		assertThat(preview.errors()).extracting(Finding::location, Finding::key)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("investeringar.csv!3", "budget.import.unclosedQuote"));
	}

	@Test
	void anAmountBeyondTenToTheFifteenOreIsARowErrorAtItsCellAndNothingCanBeSaved() {
		// 92 233 720 368 548 tkr is just above Long.MAX_VALUE öre / 100 000: each cell fits a long, the total wraps.
		String csv = """
				Verksamhet;Intäkter externa 2024;Intäkter interna 2024;Kostnad 2024
				030 Administration;-2 901;-3 549;6 450
				031 Drift;0;0;92 233 720 368 547
				032 Nät;0;0;92 233 720 368 547
				033 Skola;0;0;10 000 000 001
				""";

		Preview preview = BudgetImport.read("verksamheter.csv", csv.getBytes(StandardCharsets.UTF_8), 2024,
				BudgetContent.empty());

		assertThat(preview.canSave()).isFalse();
		assertThat(preview.errors()).extracting(Finding::location, Finding::key)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("verksamheter.csv!D3", "budget.check.amount.range"),
					org.assertj.core.groups.Tuple.tuple("verksamheter.csv!D4", "budget.check.amount.range"),
					org.assertj.core.groups.Tuple.tuple("verksamheter.csv!D5", "budget.check.amount.range"));
	}

	@Test
	void checksRefuseAmountsBeyondTheBoundInsteadOfWrappingTheirTotal() {
		long huge = Long.MAX_VALUE / 2 + 1;
		BudgetContent content = BudgetContent.empty()
			.withActivities(List.of(new ActivityLine("1", "A", null, 0, 0, huge, null, null),
					new ActivityLine("2", "B", null, 0, 0, huge, null, null)), null, null)
			.withInvestments(List.of(new Investment("P", "Projekt", Amounts.MAX_ORE + 1)), null);

		List<Finding> findings = BudgetChecks.check(content);

		assertThat(findings).filteredOn(Finding::isError)
			.extracting(Finding::location, Finding::key)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("activities!cost1", "budget.check.amount.range"),
					org.assertj.core.groups.Tuple.tuple("activities!cost2", "budget.check.amount.range"),
					org.assertj.core.groups.Tuple.tuple("investments!amount1", "budget.check.amount.range"));
		assertThat(Amounts.MAX_ORE).isEqualTo(1_000_000_000_000_000L);
		org.assertj.core.api.Assertions.assertThatThrownBy(content::cost).isInstanceOf(ArithmeticException.class);
	}

	@Test
	void importsCostTypesAndInvestmentsFromCsvAndRefusesABridgeThatDoesNotAddUp() {
		String costTypes = """
				Enhet;Total lönekostnad;Kapitalkostnad;Intäkter;Summa
				Budget 2023;20 152;2 739;-22 891;0
				Kostnads/int-förändring;1 062;919;-1 981;0
				Verksamhetsförändring;1 256;;-1 256;0
				Budget 2024;22 470;3 658;-26 128;0
				""";
		String investments = "Projektkod,Investeringsbudget 2024 (mSEK)\nSäkerhet,1\nNät,\"3,0\"\nTotal,4\n";

		Preview bridge = BudgetImport.read("kostnadsslag.csv", costTypes.getBytes(StandardCharsets.UTF_8), 2024,
				BudgetContent.empty());
		Preview broken = BudgetImport.read("kostnadsslag.csv",
				costTypes.replace("22 470", "22 471").getBytes(StandardCharsets.UTF_8), 2024, BudgetContent.empty());
		Preview projects = BudgetImport.read("investeringar.csv", investments.getBytes(StandardCharsets.UTF_8), 2024,
				BudgetContent.empty());

		assertThat(bridge.errors()).isEmpty();
		assertThat(bridge.content().costType(CostType.PERSONNEL)).contains(
				new CostTypeLine(CostType.PERSONNEL, 20152 * TKR, 1062 * TKR, 1256 * TKR, 22470 * TKR));
		assertThat(broken.canSave()).isFalse();
		assertThat(broken.errors()).extracting(Finding::key).containsExactly("budget.check.bridge");
		assertThat(projects.errors()).isEmpty();
		assertThat(projects.content().investmentTotal()).isEqualTo(4 * Amounts.MSEK);
	}

	@Test
	void exportsAFiscalDataPackageWithExactAmountsCurrencyAndScale() throws IOException {
		BudgetContent seed = BudgetImport.read("gsn-2024.xlsx", SeedWorkbook.bytes(), 2024, BudgetContent.empty())
			.content();
		byte[] zip = BudgetExport.fiscalDataPackage(BudgetTablesUnitTests.view(seed));

		java.util.Map<String, String> entries = new java.util.HashMap<>();
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
			for (java.util.zip.ZipEntry entry; (entry = in.getNextEntry()) != null;) {
				entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		assertThat(entries.get("datapackage.json")).containsPattern("\"currency\" ?: \"SEK\"")
			.containsPattern("\"profile\" ?: \"tabular-data-package\"")
			.contains("\"model\"")
			.contains("\"scale\"");
		assertThat(entries.get("budget.csv"))
			.contains("GSN,2024,2,PROPOSED,activities,030,Administration,external_revenue,2024,-2901000.00")
			.contains("investments,Gemensam identitetsplattform,Gemensam identitetsplattform,investment,2024,500000.00");
	}

	@Test
	void exportedWorkbookImportsBackToTheSameData() {
		BudgetContent seed = BudgetImport.read("gsn-2024.xlsx", SeedWorkbook.bytes(), 2024, BudgetContent.empty())
			.content();
		BudgetContent exact = seed.withActivities(List.of(new ActivityLine("030", "Administration", 1L,
				-290_123_457L, -354_900_001L, 645_023_458L, null, 99L)), 12_345L, 0L);
		byte[] exported = BudgetExport.workbook(BudgetTablesUnitTests.view(exact));

		Preview back = BudgetImport.read("export.xlsx", exported, 2024, BudgetContent.empty());

		assertThat(back.errors()).isEmpty();
		assertThat(back.content().activities()).isEqualTo(exact.activities());
		assertThat(back.content().costTypes()).isEqualTo(exact.costTypes());
		assertThat(back.content().investments()).extracting(Investment::amount)
			.isEqualTo(exact.investments().stream().map(Investment::amount).toList());
		assertThat(back.content().frame()).isEqualTo(12_345L);
	}

	private static byte[] workbook(java.util.function.Consumer<Sheet> activities) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			activities.accept(workbook.createSheet("Verksamheter"));
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
