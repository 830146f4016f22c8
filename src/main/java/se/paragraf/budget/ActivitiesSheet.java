package se.paragraf.budget;

import static se.paragraf.budget.Cells.normal;
import static se.paragraf.budget.Cells.text;
import static se.paragraf.budget.Cells.yearIn;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Maps the activities sheet ("Verksamheter"): one row per activity code with its revenues, cost and
 * nets, the frame rows ("Ram", "Justerad ram", "Avvikelse") and printed totals, which are compared with
 * what the rows add up to, never stored.
 */
final class ActivitiesSheet {

	private static final Pattern ACTIVITY = Pattern.compile("^(\\d{2,6})\\s*(.*)$");

	private enum Column {

		ACTIVITY, PRIOR, EXTERNAL, INTERNAL, COST, NET, PLAN1, PLAN2

	}

	private static final Map<Column, ToLongFunction<ActivityLine>> SUMS = Map.of(Column.EXTERNAL,
			ActivityLine::externalRevenue, Column.INTERNAL, ActivityLine::internalRevenue, Column.COST,
			ActivityLine::cost, Column.NET, ActivityLine::net, Column.PRIOR,
			a -> a.priorNet() == null ? 0 : a.priorNet(), Column.PLAN1, a -> a.plan1Net() == null ? 0 : a.plan1Net(),
			Column.PLAN2, a -> a.plan2Net() == null ? 0 : a.plan2Net());

	private final Cells cells;

	private final Grid grid;

	private final int year;

	private ActivitiesSheet(Cells cells, int year) {
		this.cells = cells;
		this.grid = cells.grid();
		this.year = year;
	}

	/** {@code content} with the sheet's activities and frame, or null when the sheet has none to read. */
	static @Nullable BudgetContent read(Cells cells, int year, BudgetContent content) {
		return new ActivitiesSheet(cells, year).read(content);
	}

	private @Nullable BudgetContent read(BudgetContent content) {
		int header = this.cells.header();
		if (header < 0) {
			return null;
		}
		Map<Column, Integer> columns = columns(header);
		boolean complete = true;
		for (Column required : List.of(Column.ACTIVITY, Column.EXTERNAL, Column.INTERNAL, Column.COST)) {
			if (!columns.containsKey(required)) {
				complete = false;
				this.cells.error(header, null, "budget.import.missingColumn", "budget.import.column." + required);
			}
		}
		if (!complete) {
			return null;
		}
		List<ActivityLine> lines = new ArrayList<>();
		Long frame = null;
		Long adjustedFrame = null;
		Long printedDeviation = null;
		Integer deviationRow = null;
		for (int r = header + 1; r < this.grid.rows().size(); r++) {
			if (this.grid.blankRow(r)) {
				continue;
			}
			String label = this.cells.text(r, columns.get(Column.ACTIVITY)).strip();
			String key = normal(label);
			Matcher activity = ACTIVITY.matcher(label);
			if (key.startsWith("ram") || key.startsWith("justerad ram") || key.startsWith("avvikelse")) {
				// Frame rows pair a label with the number to its right: "Ram | 0 | Justerad ram | 0".
				List<@Nullable Object> row = this.grid.rows().get(r);
				for (int c = 0; c < row.size(); c++) {
					String name = normal(text(row.get(c)));
					if (name.isEmpty() || row.get(c) instanceof BigDecimal) {
						continue;
					}
					int valueColumn = Cells.nextValue(row, c + 1);
					Long value = valueColumn < 0 ? null : this.cells.amount(r, valueColumn, Amounts.TKR);
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
				lines.add(line(r, activity, columns));
			}
			else {
				totalRow(r, columns, lines);
			}
		}
		if (lines.isEmpty()) {
			this.cells.error(null, null, "budget.import.noRows");
			return null;
		}
		BudgetContent read = content.withActivities(lines, frame, adjustedFrame);
		Long deviation = read.deviation();
		if (printedDeviation != null && deviationRow != null && !printedDeviation.equals(deviation)) {
			this.cells.warning(deviationRow, null, "budget.import.deviationDiffers", Amounts.exact(printedDeviation),
					deviation == null ? "-" : Amounts.exact(deviation));
		}
		return read;
	}

	private Map<Column, Integer> columns(int header) {
		Map<Column, Integer> columns = new LinkedHashMap<>();
		List<@Nullable Object> headers = this.grid.rows().get(header);
		for (int c = 0; c < headers.size(); c++) {
			String h = normal(text(headers.get(c)));
			Integer y = yearIn(h);
			Column column = null;
			if (h.contains("verksamhet")) {
				column = Column.ACTIVITY;
			}
			else if (h.contains("extern")) {
				column = Column.EXTERNAL;
			}
			else if (h.contains("intern")) {
				column = Column.INTERNAL;
			}
			else if (h.contains("netto") && y != null) {
				column = y == this.year - 1 ? Column.PRIOR : y == this.year ? Column.NET
						: y == this.year + 1 ? Column.PLAN1 : y == this.year + 2 ? Column.PLAN2 : null;
			}
			else if (h.contains("kostnad")) {
				column = Column.COST;
			}
			if (column != null) {
				columns.putIfAbsent(column, c);
			}
		}
		return columns;
	}

	private ActivityLine line(int r, Matcher activity, Map<Column, Integer> columns) {
		long external = this.cells.tkrOrZero(r, columns.get(Column.EXTERNAL));
		long internal = this.cells.tkrOrZero(r, columns.get(Column.INTERNAL));
		long cost = this.cells.tkrOrZero(r, columns.get(Column.COST));
		ActivityLine line = new ActivityLine(activity.group(1), activity.group(2).strip(),
				this.cells.tkr(r, columns.get(Column.PRIOR)), external, internal, cost,
				this.cells.tkr(r, columns.get(Column.PLAN1)), this.cells.tkr(r, columns.get(Column.PLAN2)));
		Long printedNet = this.cells.tkr(r, columns.get(Column.NET));
		if (printedNet != null && printedNet != line.net()) {
			this.cells.warning(r, columns.get(Column.NET), "budget.import.netDiffers", Amounts.exact(printedNet),
					Amounts.exact(line.net()));
		}
		return line;
	}

	/** A printed total row: each printed total is compared with the sum of the rows above it. */
	private void totalRow(int r, Map<Column, Integer> columns, List<ActivityLine> lines) {
		for (Column column : Column.values()) {
			Integer c = columns.get(column);
			if (column == Column.ACTIVITY || c == null) {
				continue;
			}
			Long printed = this.cells.tkr(r, c);
			long sum = Amounts.sum(lines.stream().mapToLong(SUMS.get(column)));
			if (printed != null && printed != sum) {
				this.cells.warning(r, c, "budget.import.totalDiffers", Amounts.exact(printed), Amounts.exact(sum));
			}
		}
	}

}
