package se.paragraf.budget;

import static se.paragraf.budget.Cells.normal;
import static se.paragraf.budget.Cells.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Maps the assumptions sheet ("Antaganden"): per year the wage index and the payroll on-cost (PO)
 * rate, in percent.
 */
final class AssumptionsSheet {

	private AssumptionsSheet() {
	}

	/** {@code content} with the sheet's assumptions, or null when the sheet cannot be read. */
	static @Nullable BudgetContent read(Cells cells, BudgetContent content) {
		Grid grid = cells.grid();
		int header = cells.header();
		if (header < 0) {
			return null;
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
			cells.error(header, null, "budget.import.missingColumn", "budget.import.column.ASSUMPTIONS");
			return null;
		}
		List<Assumption> years = new ArrayList<>();
		for (int r = header + 1; r < grid.rows().size(); r++) {
			if (grid.blankRow(r)) {
				continue;
			}
			BigDecimal y = cells.decimal(r, yearColumn);
			BigDecimal index = cells.decimal(r, indexColumn);
			BigDecimal onCost = cells.decimal(r, onCostColumn);
			if (y == null) {
				cells.error(r, yearColumn, "budget.import.required");
			}
			if (onCost == null) {
				cells.error(r, onCostColumn, "budget.import.required");
			}
			if (y != null && onCost != null) {
				years.add(new Assumption(y.intValue(), index, onCost));
			}
		}
		return content.withAssumptions(years);
	}

}
