package se.paragraf.budget;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import se.paragraf.budget.BudgetManagement.VersionView;
import se.paragraf.people.Board;
import se.paragraf.people.BoardKind;

/**
 * A large municipality's budget: 300 boards × 50 activities × 6 cost types × 5 years, one workbook per
 * board as its economist would import it. Measures the import (read and check all 300 workbooks) and
 * the rendering of the consolidated report: the summary (a row per board and the municipality's cost
 * types) and the full report (the summary plus every board's activity, cost-type and staff tables),
 * all rounded top-down. Not a test: run it with the command in docs/benchmarks.md.
 */
public final class BudgetBenchmark {

	static final int BOARDS = 300;

	static final int ACTIVITIES = 50;

	static final int YEAR = 2024;

	public static void main(String[] args) {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
		Random random = new Random(20231205);
		long generating = System.nanoTime();
		List<byte[]> workbooks = new ArrayList<>();
		for (int b = 0; b < BOARDS; b++) {
			workbooks.add(workbook(random, b));
		}
		long bytes = workbooks.stream().mapToLong(w -> w.length).sum();
		System.out.printf(Locale.ROOT, "generated %d workbooks, %.1f MB, in %d ms%n", BOARDS, bytes / 1e6,
				(System.nanoTime() - generating) / 1_000_000);
		BudgetTables tables = BudgetTablesUnitTests.tables(view -> view.board().getName());
		Locale swedish = Locale.forLanguageTag("sv");
		long[] imports = new long[rounds];
		long[] renders = new long[rounds];
		long[] summaries = new long[rounds];
		int html = 0;
		int summaryHtml = 0;
		for (int round = -2; round < rounds; round++) {
			long start = System.nanoTime();
			List<BudgetContent> contents = new ArrayList<>();
			int findings = 0;
			for (byte[] workbook : workbooks) {
				BudgetImport.Preview preview = BudgetImport.read("board.xlsx", workbook, YEAR, BudgetContent.empty());
				if (!preview.canSave()) {
					throw new IllegalStateException("generated workbook refused: " + preview.errors());
				}
				findings += preview.findings().size();
				contents.add(preview.content());
			}
			long imported = System.nanoTime();
			summaryHtml = consolidatedReport(contents, tables, swedish, false).length();
			long summarised = System.nanoTime();
			html = consolidatedReport(contents, tables, swedish, true).length();
			long rendered = System.nanoTime();
			if (round >= 0) {
				imports[round] = (imported - start) / 1_000_000;
				summaries[round] = (summarised - imported) / 1_000_000;
				renders[round] = (rendered - summarised) / 1_000_000;
			}
			System.out.printf(Locale.ROOT,
					"%s %d: import+validate %d ms (%d findings), render summary %d ms (%d kB), full report %d ms (%d kB)%n",
					round < 0 ? "warm-up" : "round", Math.abs(round), (imported - start) / 1_000_000, findings,
					(summarised - imported) / 1_000_000, summaryHtml / 1024, (rendered - summarised) / 1_000_000,
					html / 1024);
		}
		BudgetImport.Preview sample = BudgetImport.read("board.xlsx", workbooks.get(0), YEAR, BudgetContent.empty());
		System.out.println("findings of board 0 by check: " + sample.findings()
			.stream()
			.collect(java.util.stream.Collectors.groupingBy(Finding::key, java.util.TreeMap::new,
					java.util.stream.Collectors.counting())));
		Arrays.sort(imports);
		Arrays.sort(renders);
		Arrays.sort(summaries);
		System.out.printf(Locale.ROOT,
				"median of %d: import+validate %d ms, render consolidated summary %d ms, full report %d ms%n", rounds,
				imports[rounds / 2], summaries[rounds / 2], renders[rounds / 2]);
	}

	/** One summary row per board (its net by revenue and cost), then every board's own tables. */
	static String consolidatedReport(List<BudgetContent> contents, BudgetTables tables, Locale locale,
			boolean everyBoard) {
		List<ActivityLine> perBoard = new ArrayList<>();
		List<CostTypeLine> costTypes = new ArrayList<>();
		for (CostType type : CostType.values()) {
			costTypes.add(new CostTypeLine(type, 0, 0, 0, 0));
		}
		for (int b = 0; b < contents.size(); b++) {
			BudgetContent content = contents.get(b);
			perBoard.add(new ActivityLine(String.format(Locale.ROOT, "%03d", b), "Nämnd " + b, sum(content, 0),
					content.externalRevenue(), content.internalRevenue(), content.cost(), sum(content, 1),
					sum(content, 2)));
			for (CostTypeLine line : content.costTypes()) {
				CostTypeLine total = costTypes.get(line.costType().ordinal());
				costTypes.set(line.costType().ordinal(), new CostTypeLine(line.costType(), total.prior() + line.prior(),
						total.priceChange() + line.priceChange(), total.activityChange() + line.activityChange(),
						total.budget() + line.budget()));
			}
		}
		StringBuilder html = new StringBuilder();
		BudgetContent municipality = BudgetContent.empty().withActivities(perBoard, null, null).withCostTypes(costTypes);
		html.append(tables.activities(view("KOMMUN", "Kommunen", municipality), locale));
		html.append(tables.costTypes(view("KOMMUN", "Kommunen", municipality), locale));
		for (int b = 0; everyBoard && b < contents.size(); b++) {
			VersionView board = view("N" + b, "Nämnd " + b, contents.get(b));
			html.append(tables.activities(board, locale)).append(tables.costTypes(board, locale))
				.append(tables.staff(board, locale));
		}
		return html.toString();
	}

	private static Long sum(BudgetContent content, int which) {
		return content.activities().stream().mapToLong(a -> {
			Long value = which == 0 ? a.priorNet() : which == 1 ? a.plan1Net() : a.plan2Net();
			return value == null ? 0 : value;
		}).sum();
	}

	private static VersionView view(String code, String name, BudgetContent content) {
		return new VersionView(new Board(code, name, BoardKind.ORDINARY, 1L, null), YEAR, 1, "v1", VersionStatus.DRAFT,
				null, null, 0, content);
	}

	/** A board's workbook: amounts in tkr with öre decimals, bridges that add up, five staff years. */
	static byte[] workbook(Random random, int board) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet activities = workbook.createSheet(BudgetImport.ACTIVITIES);
			SeedWorkbook.row(activities, 0, "Verksamhet", "Nettokostnad Budget 2023", "Intäkter externa 2024",
					"Intäkter interna 2024", "Kostnad 2024", "Nettokostnad Budget 2024", "Nettokostnad Budget 2025",
					"Nettokostnad Budget 2026");
			for (int a = 0; a < ACTIVITIES; a++) {
				long external = -random.nextLong(0, 5_000_000_000L);
				long internal = -random.nextLong(0, 5_000_000_000L);
				long cost = random.nextLong(0, 12_000_000_000L);
				Row row = activities.createRow(a + 1);
				row.createCell(0).setCellValue(String.format(Locale.ROOT, "%03d Verksamhet %d", 100 + a, a));
				row.createCell(1).setCellValue(tkr(random.nextLong(0, 8_000_000_000L)));
				row.createCell(2).setCellValue(tkr(external));
				row.createCell(3).setCellValue(tkr(internal));
				row.createCell(4).setCellValue(tkr(cost));
				row.createCell(5).setCellValue(tkr(external + internal + cost));
				row.createCell(6).setCellValue(tkr(random.nextLong(0, 8_000_000_000L)));
				row.createCell(7).setCellValue(tkr(random.nextLong(0, 8_000_000_000L)));
			}
			Sheet costTypes = workbook.createSheet(BudgetImport.COST_TYPES);
			SeedWorkbook.row(costTypes, 0, "Enhet", "Total lönekostnad", "Därav ej tillsvidareanställda",
					"Kapitalkostnad", "Lokalhyra", "Övriga kostnader", "Intäkter");
			String[] labels = { "Budget 2023", "Kostnads/int-förändring", "Verksamhetsförändring", "Budget 2024" };
			long[][] bridge = new long[4][6];
			for (int t = 0; t < 6; t++) {
				bridge[0][t] = random.nextLong(0, 50_000_000_000L) * (t == 5 ? -1 : 1);
				bridge[1][t] = random.nextLong(-1_000_000_000L, 1_000_000_000L);
				bridge[2][t] = random.nextLong(-1_000_000_000L, 1_000_000_000L);
				bridge[3][t] = bridge[0][t] + bridge[1][t] + bridge[2][t];
			}
			for (int r = 0; r < 4; r++) {
				Row row = costTypes.createRow(r + 1);
				row.createCell(0).setCellValue(labels[r]);
				for (int t = 0; t < 6; t++) {
					row.createCell(t + 1).setCellValue(tkr(bridge[r][t]));
				}
			}
			Sheet staff = workbook.createSheet(BudgetImport.STAFF);
			Row years = staff.createRow(0);
			Row measures = staff.createRow(1);
			Row values = staff.createRow(2);
			values.createCell(0).setCellValue("Nämnd " + board);
			for (int y = 0; y < 5; y++) {
				years.createCell(1 + 2 * y).setCellValue("Budget " + (YEAR - 1 + y));
				measures.createCell(1 + 2 * y).setCellValue("Antal tillsvidareanställda");
				measures.createCell(2 + 2 * y).setCellValue("Lönekostnad");
				values.createCell(1 + 2 * y).setCellValue(random.nextInt(20, 900));
				values.createCell(2 + 2 * y).setCellValue(tkr(random.nextLong(0, 50_000_000_000L)));
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static double tkr(long ore) {
		return ore / 100_000.0;
	}

}
