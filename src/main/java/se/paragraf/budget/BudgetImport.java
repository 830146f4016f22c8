package se.paragraf.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.util.CellReference;
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
 */
public final class BudgetImport {

	/** The largest file the import reads; a budget workbook is far smaller. */
	public static final int MAX_BYTES = 8 * 1024 * 1024;

	public static final String ACTIVITIES = "Verksamheter";

	public static final String COST_TYPES = "Kostnadsslag";

	public static final String STAFF = "Personal";

	public static final String INVESTMENTS = "Investeringar";

	public static final String ASSUMPTIONS = "Antaganden";

	private static final Pattern ACTIVITY = Pattern.compile("^(\\d{2,6})\\s*(.*)$");

	private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

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

	/** A formula whose cached result is an error (#DIV/0!, #REF!). */
	record CellError(String text) {
	}

	/** A sheet as rows of cells: BigDecimal, String, CellError or null for blank. */
	record Grid(String name, List<List<@Nullable Object>> rows) {

		@Nullable Object cell(int row, int column) {
			if (row >= this.rows.size()) {
				return null;
			}
			List<@Nullable Object> cells = this.rows.get(row);
			return column < cells.size() ? cells.get(column) : null;
		}

		boolean blankRow(int row) {
			return this.rows.get(row).stream().allMatch(c -> c == null || (c instanceof String s && s.isBlank()));
		}

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
			readCsv(fileName, bytes);
		}
		else {
			this.findings.add(Finding.error(fileName, null, null, "budget.import.notSpreadsheet"));
		}
	}

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
			String name = normal(grid.name());
			if (name.contains("verksamhet")) {
				known = true;
				activities(grid);
			}
			else if (name.contains("kostnad") || name.contains("slag")) {
				known = true;
				costTypes(grid);
			}
			else if (name.contains("personal") || name.contains("anstallda")) {
				known = true;
				staff(grid);
			}
			else if (name.contains("invest")) {
				known = true;
				investments(grid);
			}
			else if (name.contains("antagande") || name.contains("forutsattning")) {
				known = true;
				assumptions(grid);
			}
			else {
				this.findings.add(Finding.warning(grid.name(), null, null, "budget.import.sheetIgnored"));
			}
		}
		if (!known) {
			this.findings.add(Finding.error(fileName, null, null, "budget.import.wrongSheets",
					String.join(", ", ACTIVITIES, COST_TYPES, STAFF, INVESTMENTS, ASSUMPTIONS)));
		}
	}

	private void readCsv(String fileName, byte[] bytes) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			this.findings.add(Finding.error(fileName, null, null, "budget.import.notSpreadsheet"));
			return;
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		if (text.chars().anyMatch(c -> c == 0)) {
			this.findings.add(Finding.error(fileName, null, null, "budget.import.notSpreadsheet"));
			return;
		}
		String[] lines = text.split("\\R", -1);
		char separator = lines.length > 0 && lines[0].indexOf(';') >= 0 ? ';' : ',';
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (String line : lines) {
			rows.add(new ArrayList<>(csvLine(line, separator)));
		}
		Grid grid = new Grid(fileName, rows);
		int header = firstNonBlank(grid);
		String first = header < 0 ? "" : normal(text(grid.cell(header, 0)));
		String whole = header < 0 ? "" : normal(String.join(" ", grid.rows().get(header).stream().map(BudgetImport::text).toList()));
		if (header < 0) {
			this.findings.add(Finding.error(fileName, null, null, "budget.import.empty"));
		}
		else if (first.startsWith("verksamhet")) {
			activities(grid);
		}
		else if (first.startsWith("projekt")) {
			investments(grid);
		}
		else if (whole.contains("loneuppräkning") || whole.contains("loneupprakning")) {
			assumptions(grid);
		}
		else if (whole.contains("antal")) {
			staff(grid);
		}
		else if (whole.contains("kapital") || whole.contains("lokal")) {
			costTypes(grid);
		}
		else {
			this.findings.add(Finding.error(fileName, header + 1, "A", "budget.import.unknownTable"));
		}
	}

	private static List<@Nullable Object> csvLine(String line, char separator) {
		List<@Nullable Object> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == separator) {
				cells.add(cell.toString().isBlank() ? null : cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString().isBlank() ? null : cell.toString());
		return cells;
	}

	// Activities ------------------------------------------------------------------------------

	private enum ActivityColumn {

		ACTIVITY, PRIOR, EXTERNAL, INTERNAL, COST, NET, PLAN1, PLAN2

	}

	private void activities(Grid grid) {
		int header = firstNonBlank(grid);
		if (header < 0) {
			this.findings.add(Finding.error(grid.name(), null, null, "budget.import.sheetEmpty"));
			return;
		}
		Map<ActivityColumn, Integer> columns = new LinkedHashMap<>();
		List<@Nullable Object> headers = grid.rows().get(header);
		for (int c = 0; c < headers.size(); c++) {
			String h = normal(text(headers.get(c)));
			Integer y = yearIn(h);
			ActivityColumn column = null;
			if (h.contains("verksamhet")) {
				column = ActivityColumn.ACTIVITY;
			}
			else if (h.contains("extern")) {
				column = ActivityColumn.EXTERNAL;
			}
			else if (h.contains("intern")) {
				column = ActivityColumn.INTERNAL;
			}
			else if (h.contains("netto") && y != null) {
				column = y == this.year - 1 ? ActivityColumn.PRIOR : y == this.year ? ActivityColumn.NET
						: y == this.year + 1 ? ActivityColumn.PLAN1 : y == this.year + 2 ? ActivityColumn.PLAN2 : null;
			}
			else if (h.contains("kostnad")) {
				column = ActivityColumn.COST;
			}
			if (column != null) {
				columns.putIfAbsent(column, c);
			}
		}
		boolean complete = true;
		for (ActivityColumn required : List.of(ActivityColumn.ACTIVITY, ActivityColumn.EXTERNAL,
				ActivityColumn.INTERNAL, ActivityColumn.COST)) {
			if (!columns.containsKey(required)) {
				complete = false;
				this.findings.add(Finding.error(grid.name(), header + 1, null, "budget.import.missingColumn",
						"budget.import.column." + required));
			}
		}
		if (!complete) {
			return;
		}
		List<ActivityLine> lines = new ArrayList<>();
		List<Integer> lineRows = new ArrayList<>();
		Long frame = null;
		Long adjustedFrame = null;
		Long printedDeviation = null;
		Integer deviationRow = null;
		for (int r = header + 1; r < grid.rows().size(); r++) {
			if (grid.blankRow(r)) {
				continue;
			}
			String label = text(grid.cell(r, columns.get(ActivityColumn.ACTIVITY))).strip();
			String key = normal(label);
			Matcher activity = ACTIVITY.matcher(label);
			if (key.startsWith("ram") || key.startsWith("justerad ram") || key.startsWith("avvikelse")) {
				// Frame rows pair a label with the number to its right: "Ram | 0 | Justerad ram | 0".
				List<@Nullable Object> cells = grid.rows().get(r);
				for (int c = 0; c < cells.size(); c++) {
					String name = normal(text(cells.get(c)));
					if (name.isEmpty() || cells.get(c) instanceof BigDecimal) {
						continue;
					}
					int valueColumn = nextValue(cells, c + 1);
					Long value = valueColumn < 0 ? null : amount(grid, r, valueColumn, Amounts.TKR);
					if (name.startsWith("avvikelse")) {
						printedDeviation = value;
						deviationRow = r;
					}
					else if (name.startsWith("justerad ram")) {
						adjustedFrame = value;
					}
					else if (name.startsWith("ram")) {
						frame = value;
					}
				}
			}
			else if (activity.matches()) {
				long external = required(grid, r, columns.get(ActivityColumn.EXTERNAL));
				long internal = required(grid, r, columns.get(ActivityColumn.INTERNAL));
				long cost = required(grid, r, columns.get(ActivityColumn.COST));
				ActivityLine line = new ActivityLine(activity.group(1), activity.group(2).strip(),
						optional(grid, r, columns.get(ActivityColumn.PRIOR)), external, internal, cost,
						optional(grid, r, columns.get(ActivityColumn.PLAN1)),
						optional(grid, r, columns.get(ActivityColumn.PLAN2)));
				Long printedNet = optional(grid, r, columns.get(ActivityColumn.NET));
				if (printedNet != null && printedNet != line.net()) {
					this.findings.add(Finding.warning(grid.name(), r + 1, letter(columns.get(ActivityColumn.NET)),
							"budget.import.netDiffers", Amounts.exact(printedNet), Amounts.exact(line.net())));
				}
				lines.add(line);
				lineRows.add(r);
			}
			else {
				totalRow(grid, r, columns, lines);
			}
		}
		if (lines.isEmpty()) {
			this.findings.add(Finding.error(grid.name(), null, null, "budget.import.noRows"));
			return;
		}
		this.sections.add(Section.ACTIVITIES);
		this.content = this.content.withActivities(lines, frame, adjustedFrame);
		Long deviation = this.content.deviation();
		if (printedDeviation != null && deviationRow != null && !printedDeviation.equals(deviation)) {
			this.findings.add(Finding.warning(grid.name(), deviationRow + 1, null, "budget.import.deviationDiffers",
					Amounts.exact(printedDeviation), deviation == null ? "-" : Amounts.exact(deviation)));
		}
	}

	/** A printed total row: each printed total is compared with the sum of the rows above it. */
	private void totalRow(Grid grid, int r, Map<ActivityColumn, Integer> columns, List<ActivityLine> lines) {
		Map<ActivityColumn, java.util.function.ToLongFunction<ActivityLine>> sums = Map.of(ActivityColumn.EXTERNAL,
				ActivityLine::externalRevenue, ActivityColumn.INTERNAL, ActivityLine::internalRevenue,
				ActivityColumn.COST, ActivityLine::cost, ActivityColumn.NET, ActivityLine::net, ActivityColumn.PRIOR,
				a -> a.priorNet() == null ? 0 : a.priorNet(), ActivityColumn.PLAN1,
				a -> a.plan1Net() == null ? 0 : a.plan1Net(), ActivityColumn.PLAN2,
				a -> a.plan2Net() == null ? 0 : a.plan2Net());
		for (ActivityColumn column : ActivityColumn.values()) {
			Integer c = columns.get(column);
			if (column == ActivityColumn.ACTIVITY || c == null) {
				continue;
			}
			Long printed = optional(grid, r, c);
			long sum = Amounts.sum(lines.stream().mapToLong(sums.get(column)));
			if (printed != null && printed != sum) {
				this.findings.add(Finding.warning(grid.name(), r + 1, letter(c), "budget.import.totalDiffers",
						Amounts.exact(printed), Amounts.exact(sum)));
			}
		}
	}

	// Cost types ------------------------------------------------------------------------------

	private void costTypes(Grid grid) {
		int header = firstNonBlank(grid);
		if (header < 0) {
			this.findings.add(Finding.error(grid.name(), null, null, "budget.import.sheetEmpty"));
			return;
		}
		Map<CostType, Integer> columns = new LinkedHashMap<>();
		Integer sumColumn = null;
		List<@Nullable Object> headers = grid.rows().get(header);
		for (int c = 1; c < headers.size(); c++) {
			String h = normal(text(headers.get(c)));
			CostType type = null;
			if (h.contains("darav") || h.contains("ej tillsvid")) {
				type = CostType.NON_PERMANENT;
			}
			else if (h.contains("lon")) {
				type = CostType.PERSONNEL;
			}
			else if (h.contains("kapital")) {
				type = CostType.CAPITAL;
			}
			else if (h.contains("lokal")) {
				type = CostType.PREMISES;
			}
			else if (h.contains("ovrig")) {
				type = CostType.OTHER;
			}
			else if (h.contains("intakt")) {
				type = CostType.REVENUE;
			}
			else if (h.contains("summa")) {
				sumColumn = c;
			}
			if (type != null) {
				columns.putIfAbsent(type, c);
			}
		}
		if (columns.isEmpty()) {
			this.findings.add(Finding.error(grid.name(), header + 1, null, "budget.import.missingColumn",
					"budget.import.column.COST_TYPES"));
			return;
		}
		int[] rows = { -1, -1, -1, -1 };
		for (int r = header + 1; r < grid.rows().size(); r++) {
			String label = normal(text(grid.cell(r, 0)));
			Integer y = yearIn(label);
			if (label.startsWith("budget") && y != null && y == this.year - 1) {
				rows[0] = r;
			}
			else if (label.startsWith("verksamhet")) {
				rows[2] = r;
			}
			else if (label.contains("forandring")) {
				rows[1] = r;
			}
			else if (label.startsWith("budget") && y != null && y == this.year) {
				rows[3] = r;
			}
		}
		String[] rowKeys = { "budget.import.row.prior", "budget.import.row.price", "budget.import.row.activity",
				"budget.import.row.budget" };
		boolean complete = true;
		for (int i = 0; i < rows.length; i++) {
			if (rows[i] < 0) {
				complete = false;
				this.findings.add(Finding.error(grid.name(), null, "A", "budget.import.missingRow", rowKeys[i],
						i == 0 ? this.year - 1 : this.year));
			}
		}
		if (!complete) {
			return;
		}
		List<CostTypeLine> lines = new ArrayList<>();
		for (Map.Entry<CostType, Integer> column : columns.entrySet()) {
			int c = column.getValue();
			lines.add(new CostTypeLine(column.getKey(), blankZero(grid, rows[0], c), blankZero(grid, rows[1], c),
					blankZero(grid, rows[2], c), blankZero(grid, rows[3], c)));
		}
		lines.sort(java.util.Comparator.comparing(CostTypeLine::costType));
		if (sumColumn != null) {
			for (int r : rows) {
				Long printed = optional(grid, r, sumColumn);
				long sum = columns.entrySet()
					.stream()
					.filter(e -> e.getKey().countsInSum())
					.mapToLong(e -> blankZero(grid, r, e.getValue()))
					.sum();
				if (printed != null && printed != sum) {
					this.findings.add(Finding.warning(grid.name(), r + 1, letter(sumColumn), "budget.import.totalDiffers",
							Amounts.exact(printed), Amounts.exact(sum)));
				}
			}
		}
		this.sections.add(Section.COST_TYPES);
		this.content = this.content.withCostTypes(lines);
	}

	// Staff -----------------------------------------------------------------------------------

	private void staff(Grid grid) {
		int measureRow = -1;
		for (int r = 0; r < grid.rows().size() && measureRow < 0; r++) {
			for (Object cell : grid.rows().get(r)) {
				if (normal(text(cell)).contains("antal")) {
					measureRow = r;
					break;
				}
			}
		}
		if (measureRow < 0) {
			this.findings.add(Finding.error(grid.name(), null, null, "budget.import.missingColumn",
					"budget.import.column.HEADCOUNT"));
			return;
		}
		int dataRow = -1;
		for (int r = measureRow + 1; r < grid.rows().size(); r++) {
			if (!grid.blankRow(r)) {
				dataRow = r;
				break;
			}
		}
		if (dataRow < 0) {
			this.findings.add(Finding.error(grid.name(), null, null, "budget.import.noRows"));
			return;
		}
		record Cell(int year, boolean headcount, int column) {
		}
		List<Cell> cells = new ArrayList<>();
		Integer currentYear = null;
		for (int c = 1; c < grid.rows().get(measureRow).size(); c++) {
			String measure = normal(text(grid.cell(measureRow, c)));
			Integer y = yearIn(measure);
			Integer above = measureRow > 0 ? yearIn(normal(text(grid.cell(measureRow - 1, c)))) : null;
			if (above != null) {
				currentYear = above;
			}
			Integer cellYear = y != null ? y : currentYear;
			if (cellYear == null || measure.isEmpty()) {
				continue;
			}
			if (measure.contains("antal")) {
				cells.add(new Cell(cellYear, true, c));
			}
			else if (measure.contains("lon") || measure.contains("kostnad")) {
				cells.add(new Cell(cellYear, false, c));
			}
		}
		Map<Integer, @Nullable BigDecimal> headcounts = new LinkedHashMap<>();
		Map<Integer, @Nullable Long> costs = new LinkedHashMap<>();
		for (Cell cell : cells) {
			if (!cell.headcount()) {
				costs.put(cell.year(), optional(grid, dataRow, cell.column()));
				headcounts.putIfAbsent(cell.year(), null);
			}
		}
		List<StaffYear> provisional = costs.entrySet().stream().map(e -> new StaffYear(e.getKey(), null, e.getValue())).toList();
		BudgetContent costsOnly = BudgetContent.empty().withStaff(provisional);
		for (Cell cell : cells) {
			if (cell.headcount()) {
				BigDecimal value = decimal(grid, dataRow, cell.column());
				costs.putIfAbsent(cell.year(), null);
				if (value != null && BudgetChecks.headcountProblem(value, costsOnly) != null) {
					this.findings.add(Finding.warning(grid.name(), dataRow + 1, letter(cell.column()),
							"budget.import.headcountDropped", Amounts.units(value.longValue()), cell.year()));
					value = null;
				}
				headcounts.put(cell.year(), value == null ? null : value.setScale(2, RoundingMode.HALF_UP));
			}
		}
		List<StaffYear> years = new ArrayList<>();
		for (Integer y : new java.util.TreeSet<>(costs.keySet())) {
			years.add(new StaffYear(y, headcounts.get(y), costs.get(y)));
		}
		this.sections.add(Section.STAFF);
		this.content = this.content.withStaff(years);
	}

	// Investments -----------------------------------------------------------------------------

	private void investments(Grid grid) {
		int header = firstNonBlank(grid);
		if (header < 0) {
			this.findings.add(Finding.error(grid.name(), null, null, "budget.import.sheetEmpty"));
			return;
		}
		Integer codeColumn = null;
		Integer nameColumn = null;
		Integer amountColumn = null;
		long unit = Amounts.TKR;
		List<@Nullable Object> headers = grid.rows().get(header);
		for (int c = 0; c < headers.size(); c++) {
			String h = normal(text(headers.get(c)));
			if (h.contains("projekt") && codeColumn == null) {
				codeColumn = c;
			}
			else if ((h.contains("namn") || h.contains("benamning")) && nameColumn == null) {
				nameColumn = c;
			}
			else if ((h.contains("invest") || h.contains("belopp") || yearIn(h) != null) && amountColumn == null) {
				amountColumn = c;
				unit = h.contains("msek") || h.contains("mkr") ? Amounts.MSEK : Amounts.TKR;
			}
		}
		if (codeColumn == null || amountColumn == null) {
			this.findings.add(Finding.error(grid.name(), header + 1, null, "budget.import.missingColumn",
					codeColumn == null ? "budget.import.column.PROJECT" : "budget.import.column.AMOUNT"));
			return;
		}
		List<Investment> projects = new ArrayList<>();
		String decision = this.content.councilDecision();
		for (int r = header + 1; r < grid.rows().size(); r++) {
			if (grid.blankRow(r)) {
				continue;
			}
			String label = text(grid.cell(r, codeColumn)).strip();
			String key = normal(label);
			if (key.startsWith("beslut")) {
				List<@Nullable Object> cells = grid.rows().get(r);
				for (int c = codeColumn + 1; c < cells.size(); c++) {
					if (!text(cells.get(c)).isBlank()) {
						decision = text(cells.get(c)).strip();
						break;
					}
				}
			}
			else if (key.startsWith("total") || key.startsWith("summa")) {
				Long printed = optionalIn(grid, r, amountColumn, unit);
				long sum = Amounts.sum(projects.stream().mapToLong(Investment::amount));
				if (printed != null && printed != sum) {
					this.findings.add(Finding.warning(grid.name(), r + 1, letter(amountColumn),
							"budget.import.totalDiffers", Amounts.exact(printed), Amounts.exact(sum)));
				}
			}
			else {
				Long amount = optionalIn(grid, r, amountColumn, unit);
				String name = nameColumn == null ? label : text(grid.cell(r, nameColumn)).strip();
				projects.add(new Investment(label, name.isEmpty() ? label : name, amount == null ? 0 : amount));
			}
		}
		this.sections.add(Section.INVESTMENTS);
		this.content = this.content.withInvestments(projects, decision);
	}

	// Assumptions -----------------------------------------------------------------------------

	private void assumptions(Grid grid) {
		int header = firstNonBlank(grid);
		if (header < 0) {
			this.findings.add(Finding.error(grid.name(), null, null, "budget.import.sheetEmpty"));
			return;
		}
		Integer yearColumn = null;
		Integer indexColumn = null;
		Integer onCostColumn = null;
		List<@Nullable Object> headers = grid.rows().get(header);
		for (int c = 0; c < headers.size(); c++) {
			String h = normal(text(headers.get(c)));
			if (h.startsWith("ar") && yearColumn == null) {
				yearColumn = c;
			}
			else if (h.contains("lone") && indexColumn == null) {
				indexColumn = c;
			}
			else if ((h.contains("po") || h.contains("palagg")) && onCostColumn == null) {
				onCostColumn = c;
			}
		}
		if (yearColumn == null || indexColumn == null || onCostColumn == null) {
			this.findings.add(Finding.error(grid.name(), header + 1, null, "budget.import.missingColumn",
					"budget.import.column.ASSUMPTIONS"));
			return;
		}
		List<Assumption> years = new ArrayList<>();
		for (int r = header + 1; r < grid.rows().size(); r++) {
			if (grid.blankRow(r)) {
				continue;
			}
			BigDecimal y = decimal(grid, r, yearColumn);
			BigDecimal index = decimal(grid, r, indexColumn);
			BigDecimal onCost = decimal(grid, r, onCostColumn);
			if (y == null || onCost == null) {
				if (y == null) {
					this.findings.add(Finding.error(grid.name(), r + 1, letter(yearColumn), "budget.import.required"));
				}
				if (onCost == null) {
					this.findings.add(Finding.error(grid.name(), r + 1, letter(onCostColumn), "budget.import.required"));
				}
				continue;
			}
			years.add(new Assumption(y.intValue(), index, onCost));
		}
		this.sections.add(Section.ASSUMPTIONS);
		this.content = this.content.withAssumptions(years);
	}

	// Cells -----------------------------------------------------------------------------------

	private long required(Grid grid, int row, int column) {
		Long value = optional(grid, row, column);
		return value == null ? 0 : value;
	}

	private long blankZero(Grid grid, int row, int column) {
		return required(grid, row, column);
	}

	private @Nullable Long optional(Grid grid, int row, @Nullable Integer column) {
		return column == null ? null : optionalIn(grid, row, column, Amounts.TKR);
	}

	private @Nullable Long amount(Grid grid, int row, int column, long unit) {
		return optionalIn(grid, row, column, unit);
	}

	/** An amount in {@code unit} as öre; finer than öre is rounded and reported. */
	private @Nullable Long optionalIn(Grid grid, int row, int column, long unit) {
		BigDecimal value = decimal(grid, row, column);
		if (value == null) {
			return null;
		}
		BigDecimal ore = value.multiply(BigDecimal.valueOf(unit));
		BigDecimal whole = ore.setScale(0, RoundingMode.HALF_UP);
		if (whole.compareTo(ore) != 0) {
			this.findings.add(Finding.warning(grid.name(), row + 1, letter(column), "budget.import.finerThanOre",
					value.toPlainString()));
		}
		if (whole.abs().compareTo(BigDecimal.valueOf(Amounts.MAX_ORE)) > 0) {
			this.findings.add(Finding.error(grid.name(), row + 1, letter(column), "budget.check.amount.range",
					value.toPlainString()));
			return null;
		}
		return whole.longValueExact();
	}

	/** A number cell; text that reads as a number ("-2 901", "44,56") counts, other text is an error. */
	private @Nullable BigDecimal decimal(Grid grid, int row, int column) {
		Object cell = grid.cell(row, column);
		if (cell == null) {
			return null;
		}
		if (cell instanceof BigDecimal number) {
			return number;
		}
		if (cell instanceof CellError error) {
			this.findings.add(Finding.error(grid.name(), row + 1, letter(column), "budget.import.formulaError",
					error.text()));
			return null;
		}
		String text = cell.toString().strip();
		if (text.isEmpty()) {
			return null;
		}
		String number = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace('\u2212', '-')
			.replace(',', '.').replace("%", "");
		if (NUMBER.matcher(number).matches()) {
			return new BigDecimal(number);
		}
		this.findings.add(Finding.error(grid.name(), row + 1, letter(column), "budget.import.notNumber",
				text.length() > 40 ? text.substring(0, 40) + "…" : text));
		return null;
	}

	private static int nextValue(List<@Nullable Object> cells, int from) {
		for (int c = from; c < cells.size(); c++) {
			Object cell = cells.get(c);
			if (cell instanceof BigDecimal || cell instanceof CellError) {
				return c;
			}
			if (cell instanceof String s && !s.isBlank()) {
				return NUMBER.matcher(s.replace(" ", "").replace('\u00a0', ' ').replace(" ", "").replace(',', '.')).matches() ? c : -1;
			}
		}
		return -1;
	}

	private static int firstNonBlank(Grid grid) {
		for (int r = 0; r < grid.rows().size(); r++) {
			if (!grid.blankRow(r)) {
				return r;
			}
		}
		return -1;
	}

	private static String text(@Nullable Object cell) {
		if (cell == null) {
			return "";
		}
		if (cell instanceof BigDecimal number) {
			return number.stripTrailingZeros().toPlainString();
		}
		return cell instanceof CellError error ? error.text() : cell.toString();
	}

	private static @Nullable Integer yearIn(String text) {
		Matcher year = YEAR.matcher(text);
		return year.find() ? Integer.valueOf(year.group()) : null;
	}

	/** Lower case without diacritics and with single spaces: "Övriga  kostnader" → "ovriga kostnader". */
	static String normal(String text) {
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
	}

	private static String letter(int column) {
		return CellReference.convertNumToColString(column);
	}

}
