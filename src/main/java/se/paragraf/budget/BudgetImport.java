package se.paragraf.budget;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads the budget's tables from an Excel workbook (.xlsx) or a CSV file into a {@link BudgetContent}
 * and lists every failed check with its sheet, row and column, before anything is saved.
 * <p>
 * Rows are data; printed totals, printed nets and sums are not stored but compared with what the rows
 * add up to, and a difference is reported as a warning (the seed's own tables print totals one tkr off
 * their rows). A headcount that cannot be one (the seed's shifted column prints a personnel cost there)
 * is reported and left out. Amounts are read in tkr unless a header says mSEK; a percent-formatted
 * cell counts in percent.
 * <p>
 * The file becomes {@link Grid}s ({@link WorkbookGrids}, {@link CsvGrids}); this class tells which table
 * each grid is, by its sheet's name or a CSV file's header, and hands it to that table's mapper.
 */
public final class BudgetImport {

	/** The largest file the import reads; a budget workbook is far smaller. */
	public static final int MAX_BYTES = 8 * 1024 * 1024;

	public static final String ACTIVITIES = "Verksamheter";

	public static final String COST_TYPES = "Kostnadsslag";

	public static final String STAFF = "Personal";

	public static final String INVESTMENTS = "Investeringar";

	public static final String ASSUMPTIONS = "Antaganden";

	/** What the file held: the sections found, the data read, and every failed check. */
	public record Preview(BudgetContent content, Set<Section> sections, List<Finding> findings) {

		public boolean canSave() {
			return !this.sections.isEmpty() && !BudgetChecks.hasErrors(this.findings);
		}

		public List<Finding> errors() {
			return this.findings.stream().filter(Finding::isError).toList();
		}

		public List<Finding> warnings() {
			return this.findings.stream().filter(f -> !f.isError()).toList();
		}

	}

	public enum Section {

		ACTIVITIES, COST_TYPES, STAFF, INVESTMENTS, ASSUMPTIONS

	}

	private final int year;

	private final List<Finding> findings = new ArrayList<>();

	private final Set<Section> sections = EnumSet.noneOf(Section.class);

	private BudgetContent content;

	private BudgetImport(int year, BudgetContent base) {
		this.year = year;
		this.content = base;
	}

	/**
	 * Reads {@code bytes} for the budget {@code year}; sections the file lacks keep {@code base}'s data.
	 */
	public static Preview read(String fileName, byte[] bytes, int year, BudgetContent base) {
		BudgetImport reading = new BudgetImport(year, base);
		try {
			reading.readFile(fileName, bytes);
		}
		catch (ArithmeticException ex) {
			// Every cell is within the bound, but so many of them add up beyond any exact total.
			reading.findings.add(Finding.error(fileName, null, null, "budget.check.amount.total"));
			return new Preview(reading.content, reading.sections, reading.findings);
		}
		if (reading.sections.isEmpty() && !BudgetChecks.hasErrors(reading.findings)) {
			reading.findings.add(Finding.error(fileName, null, null, "budget.import.nothing"));
		}
		List<Finding> all = new ArrayList<>(reading.findings);
		if (!reading.sections.isEmpty()) {
			all.addAll(BudgetChecks.check(reading.content));
		}
		return new Preview(reading.content, reading.sections, all);
	}

	private void readFile(String fileName, byte[] bytes) {
		if (bytes.length == 0) {
			this.findings.add(Finding.error(fileName, null, null, "budget.import.empty"));
			return;
		}
		if (bytes.length > MAX_BYTES) {
			this.findings.add(Finding.error(fileName, null, null, "budget.import.tooLarge", MAX_BYTES / (1024 * 1024)));
			return;
		}
		boolean zip = bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
		if (zip) {
			readWorkbook(fileName, bytes);
		}
		else if (fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
			Grid grid = CsvGrids.read(fileName, bytes, this.findings);
			if (grid != null) {
				readCsv(grid);
			}
		}
		else {
			this.findings.add(Finding.error(fileName, null, null, "budget.import.notSpreadsheet"));
		}
	}

	/** Each sheet is the table its name says; a workbook without any known sheet is refused. */
	private void readWorkbook(String fileName, byte[] bytes) {
		List<Grid> grids;
		try {
			grids = WorkbookGrids.read(bytes);
		}
		catch (Exception ex) {
			// POI and the XML parser throw a variety of exceptions for damaged or foreign zip files.
			this.findings.add(Finding.error(fileName, null, null, "budget.import.notSpreadsheet"));
			return;
		}
		boolean known = false;
		for (Grid grid : grids) {
			Section section = sheetSection(Cells.normal(grid.name()));
			if (section == null) {
				this.findings.add(Finding.warning(grid.name(), null, null, "budget.import.sheetIgnored"));
			}
			else {
				known = true;
				map(section, grid);
			}
		}
		if (!known) {
			this.findings.add(Finding.error(fileName, null, null, "budget.import.wrongSheets",
					String.join(", ", ACTIVITIES, COST_TYPES, STAFF, INVESTMENTS, ASSUMPTIONS)));
		}
	}

	private static @Nullable Section sheetSection(String name) {
		if (name.contains("verksamhet")) {
			return Section.ACTIVITIES;
		}
		if (name.contains("kostnad") || name.contains("slag")) {
			return Section.COST_TYPES;
		}
		if (name.contains("personal") || name.contains("anstallda")) {
			return Section.STAFF;
		}
		if (name.contains("invest")) {
			return Section.INVESTMENTS;
		}
		if (name.contains("antagande") || name.contains("forutsattning")) {
			return Section.ASSUMPTIONS;
		}
		return null;
	}

	/** A CSV file holds one table, told by its header row. */
	private void readCsv(Grid grid) {
		int header = grid.firstNonBlank();
		if (header < 0) {
			this.findings.add(Finding.error(grid.name(), null, null, "budget.import.empty"));
			return;
		}
		String first = Cells.normal(Cells.text(grid.cell(header, 0)));
		String whole = Cells.normal(String.join(" ", grid.rows().get(header).stream().map(Cells::text).toList()));
		Section section = csvSection(first, whole);
		if (section == null) {
			this.findings.add(Finding.error(grid.name(), header + 1, "A", "budget.import.unknownTable"));
		}
		else {
			map(section, grid);
		}
	}

	private static @Nullable Section csvSection(String first, String whole) {
		if (first.startsWith("verksamhet")) {
			return Section.ACTIVITIES;
		}
		if (first.startsWith("projekt")) {
			return Section.INVESTMENTS;
		}
		if (whole.contains("loneuppräkning") || whole.contains("loneupprakning")) {
			return Section.ASSUMPTIONS;
		}
		if (whole.contains("antal")) {
			return Section.STAFF;
		}
		if (whole.contains("kapital") || whole.contains("lokal")) {
			return Section.COST_TYPES;
		}
		return null;
	}

	private void map(Section section, Grid grid) {
		Cells cells = new Cells(grid, this.findings);
		BudgetContent read = switch (section) {
			case ACTIVITIES -> ActivitiesSheet.read(cells, this.year, this.content);
			case COST_TYPES -> CostTypesSheet.read(cells, this.year, this.content);
			case STAFF -> StaffSheet.read(cells, this.content);
			case INVESTMENTS -> InvestmentsSheet.read(cells, this.content);
			case ASSUMPTIONS -> AssumptionsSheet.read(cells, this.content);
		};
		if (read != null) {
			this.content = read;
			this.sections.add(section);
		}
	}

}
