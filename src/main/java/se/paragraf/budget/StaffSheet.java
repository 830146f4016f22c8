package se.paragraf.budget;

import static se.paragraf.budget.Cells.normal;
import static se.paragraf.budget.Cells.text;
import static se.paragraf.budget.Cells.yearIn;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Maps the staff sheet ("Personal"): per year a headcount and a personnel cost, the year written above
 * or in the measure's header. A headcount that cannot be one (the seed's shifted column prints a
 * personnel cost there) is reported and left out.
 */
final class StaffSheet {

	private record Measure(int year, boolean headcount, int column) {
	}

	private StaffSheet() {
	}

	/** {@code content} with the sheet's staff years, or null when the sheet cannot be read. */
	static @Nullable BudgetContent read(Cells cells, BudgetContent content) {
		Grid grid = cells.grid();
		int measureRow = measureRow(grid);
		if (measureRow < 0) {
			cells.error(null, null, "budget.import.missingColumn", "budget.import.column.HEADCOUNT");
			return null;
		}
		int dataRow = -1;
		for (int r = measureRow + 1; r < grid.rows().size(); r++) {
			if (!grid.blankRow(r)) {
				dataRow = r;
				break;
			}
		}
		if (dataRow < 0) {
			cells.error(null, null, "budget.import.noRows");
			return null;
		}
		List<Measure> measures = measures(grid, measureRow);
		Map<Integer, @Nullable BigDecimal> headcounts = new LinkedHashMap<>();
		Map<Integer, @Nullable Long> costs = new LinkedHashMap<>();
		for (Measure measure : measures) {
			if (!measure.headcount()) {
				costs.put(measure.year(), cells.tkr(dataRow, measure.column()));
				headcounts.putIfAbsent(measure.year(), null);
			}
		}
		List<StaffYear> provisional = costs.entrySet().stream().map(e -> new StaffYear(e.getKey(), null, e.getValue())).toList();
		BudgetContent costsOnly = BudgetContent.empty().withStaff(provisional);
		for (Measure measure : measures) {
			if (measure.headcount()) {
				BigDecimal value = cells.decimal(dataRow, measure.column());
				costs.putIfAbsent(measure.year(), null);
				if (value != null && BudgetChecks.headcountProblem(value, costsOnly) != null) {
					cells.warning(dataRow, measure.column(), "budget.import.headcountDropped",
							Amounts.units(value.longValue()), measure.year());
					value = null;
				}
				headcounts.put(measure.year(), value == null ? null : value.setScale(2, RoundingMode.HALF_UP));
			}
		}
		List<StaffYear> years = new ArrayList<>();
		for (Integer y : new TreeSet<>(costs.keySet())) {
			years.add(new StaffYear(y, headcounts.get(y), costs.get(y)));
		}
		return content.withStaff(years);
	}

	/** The first row that names a headcount ("Antal ..."), or -1. */
	private static int measureRow(Grid grid) {
		for (int r = 0; r < grid.rows().size(); r++) {
			for (Object cell : grid.rows().get(r)) {
				if (normal(text(cell)).contains("antal")) {
					return r;
				}
			}
		}
		return -1;
	}

	/** The headcount and cost columns; a year written above a column counts for the columns after it. */
	private static List<Measure> measures(Grid grid, int measureRow) {
		List<Measure> measures = new ArrayList<>();
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
				measures.add(new Measure(cellYear, true, c));
			}
			else if (measure.contains("lon") || measure.contains("kostnad")) {
				measures.add(new Measure(cellYear, false, c));
			}
		}
		return measures;
	}

}
