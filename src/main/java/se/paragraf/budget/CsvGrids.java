package se.paragraf.budget;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import se.paragraf.shared.csv.CsvTable;

/**
 * Reads a CSV file, one table as Excel saves it (semicolons, or commas when the first line has no
 * semicolon), into a {@link Grid}; cells stay text and are read as numbers by the sheet mappers.
 */
final class CsvGrids {

	private CsvGrids() {
	}

	/** The file as a grid, or null with an error in {@code findings} when it is not a readable CSV file. */
	static @Nullable Grid read(String fileName, byte[] bytes, List<Finding> findings) {
		String text = CsvTable.utf8(bytes);
		if (text == null) {
			findings.add(Finding.error(fileName, null, null, "budget.import.notSpreadsheet"));
			return null;
		}
		CsvTable table;
		try {
			table = CsvTable.read(text, ';', ',');
		}
		catch (CsvTable.Unclosed ex) {
			findings.add(Finding.error(fileName, ex.row(), null, "budget.import.unclosedQuote"));
			return null;
		}
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (List<String> record : table.rows()) {
			List<@Nullable Object> cells = new ArrayList<>();
			for (String cell : record) {
				cells.add(cell.isBlank() ? null : cell);
			}
			rows.add(cells);
		}
		return new Grid(fileName, rows);
	}

}
