package se.paragraf.budget;

import static se.paragraf.budget.Cells.normal;
import static se.paragraf.budget.Cells.text;
import static se.paragraf.budget.Cells.yearIn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Maps the cost-type sheet ("Kostnadsslag"): a column per cost type and the four rows of the bridge
 * from last year's budget (prior budget, price change, activity change, budget). A printed sum column
 * is compared with the cost types that count in it.
 */
final class CostTypesSheet {

	private static final String[] ROW_KEYS = { "budget.import.row.prior", "budget.import.row.price",
			"budget.import.row.activity", "budget.import.row.budget" };

	private CostTypesSheet() {
	}

	/** {@code content} with the sheet's cost types, or null when the sheet cannot be read. */
	static @Nullable BudgetContent read(Cells cells, int year, BudgetContent content) {
		Grid grid = cells.grid();
		int header = cells.header();
		if (header < 0) {
			return null;
		}
		Map<CostType, Integer> columns = new LinkedHashMap<>();
		Integer sumColumn = null;
		List<@Nullable Object> headers = grid.rows().get(header);
		for (int c = 1; c < headers.size(); c++) {
			String h = normal(text(headers.get(c)));
			CostType type = type(h);
			if (type != null) {
				columns.putIfAbsent(type, c);
			}
			else if (h.contains("summa")) {
				sumColumn = c;
			}
		}
		if (columns.isEmpty()) {
			cells.error(header, null, "budget.import.missingColumn", "budget.import.column.COST_TYPES");
			return null;
		}
		int[] rows = rows(grid, header, year);
		boolean complete = true;
		for (int i = 0; i < rows.length; i++) {
			if (rows[i] < 0) {
				complete = false;
				cells.error(null, 0, "budget.import.missingRow", ROW_KEYS[i], i == 0 ? year - 1 : year);
			}
		}
		if (!complete) {
			return null;
		}
		List<CostTypeLine> lines = new ArrayList<>();
		for (Map.Entry<CostType, Integer> column : columns.entrySet()) {
			int c = column.getValue();
			lines.add(new CostTypeLine(column.getKey(), cells.tkrOrZero(rows[0], c), cells.tkrOrZero(rows[1], c),
					cells.tkrOrZero(rows[2], c), cells.tkrOrZero(rows[3], c)));
		}
		lines.sort(Comparator.comparing(CostTypeLine::costType));
		if (sumColumn != null) {
			for (int r : rows) {
				Long printed = cells.tkr(r, sumColumn);
				long sum = columns.entrySet()
					.stream()
					.filter(e -> e.getKey().countsInSum())
					.mapToLong(e -> cells.tkrOrZero(r, e.getValue()))
					.sum();
				if (printed != null && printed != sum) {
					cells.warning(r, sumColumn, "budget.import.totalDiffers", Amounts.exact(printed),
							Amounts.exact(sum));
				}
			}
		}
		return content.withCostTypes(lines);
	}

	/** The cost type a header names; "därav ej tillsvidare" before "lön", which it also contains. */
	static @Nullable CostType type(String header) {
		if (header.contains("darav") || header.contains("ej tillsvid")) {
			return CostType.NON_PERMANENT;
		}
		if (header.contains("lon")) {
			return CostType.PERSONNEL;
		}
		if (header.contains("kapital")) {
			return CostType.CAPITAL;
		}
		if (header.contains("lokal")) {
			return CostType.PREMISES;
		}
		if (header.contains("ovrig")) {
			return CostType.OTHER;
		}
		return header.contains("intakt") ? CostType.REVENUE : null;
	}

	/** The bridge's four rows: prior budget, price change, activity change, budget; -1 where one is missing. */
	private static int[] rows(Grid grid, int header, int year) {
		int[] rows = { -1, -1, -1, -1 };
		for (int r = header + 1; r < grid.rows().size(); r++) {
			String label = normal(text(grid.cell(r, 0)));
			Integer y = yearIn(label);
			if (label.startsWith("budget") && y != null && y == year - 1) {
				rows[0] = r;
			}
			else if (label.startsWith("verksamhet")) {
				rows[2] = r;
			}
			else if (label.contains("forandring")) {
				rows[1] = r;
			}
			else if (label.startsWith("budget") && y != null && y == year) {
				rows[3] = r;
			}
		}
		return rows;
	}

}
