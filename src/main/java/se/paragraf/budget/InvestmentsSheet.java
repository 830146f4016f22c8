package se.paragraf.budget;

import static se.paragraf.budget.Cells.normal;
import static se.paragraf.budget.Cells.text;
import static se.paragraf.budget.Cells.yearIn;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Maps the investments sheet ("Investeringar"): one row per project (code, name, amount in tkr unless
 * the header says mSEK), a "Beslut" row with the council's decision and a printed total, which is
 * compared with the projects' sum.
 */
final class InvestmentsSheet {

	private InvestmentsSheet() {
	}

	/** {@code content} with the sheet's projects and decision, or null when the sheet cannot be read. */
	static @Nullable BudgetContent read(Cells cells, BudgetContent content) {
		Grid grid = cells.grid();
		int header = cells.header();
		if (header < 0) {
			return null;
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
			cells.error(header, null, "budget.import.missingColumn",
					codeColumn == null ? "budget.import.column.PROJECT" : "budget.import.column.AMOUNT");
			return null;
		}
		List<Investment> projects = new ArrayList<>();
		String decision = content.councilDecision();
		for (int r = header + 1; r < grid.rows().size(); r++) {
			if (grid.blankRow(r)) {
				continue;
			}
			String label = cells.text(r, codeColumn).strip();
			String key = normal(label);
			if (key.startsWith("beslut")) {
				String written = firstText(grid.rows().get(r), codeColumn + 1);
				decision = written == null ? decision : written;
			}
			else if (key.startsWith("total") || key.startsWith("summa")) {
				Long printed = cells.amount(r, amountColumn, unit);
				long sum = Amounts.sum(projects.stream().mapToLong(Investment::amount));
				if (printed != null && printed != sum) {
					cells.warning(r, amountColumn, "budget.import.totalDiffers", Amounts.exact(printed),
							Amounts.exact(sum));
				}
			}
			else {
				Long amount = cells.amount(r, amountColumn, unit);
				String name = nameColumn == null ? label : cells.text(r, nameColumn).strip();
				projects.add(new Investment(label, name.isEmpty() ? label : name, amount == null ? 0 : amount));
			}
		}
		return content.withInvestments(projects, decision);
	}

	private static @Nullable String firstText(List<@Nullable Object> row, int from) {
		for (int c = from; c < row.size(); c++) {
			if (!text(row.get(c)).isBlank()) {
				return text(row.get(c)).strip();
			}
		}
		return null;
	}

}
