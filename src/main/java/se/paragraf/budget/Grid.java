package se.paragraf.budget;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A sheet or CSV table as rows of cells, the one shape every sheet mapper reads: a cell is a BigDecimal,
 * a String, a {@link CellError} or null for blank. Row and column indexes are 0-based.
 */
record Grid(String name, List<List<@Nullable Object>> rows) {

	/** A formula whose cached result is an error (#DIV/0!, #REF!). */
	record CellError(String text) {
	}

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

	/** The first row with anything in it, or -1 when the grid is blank. */
	int firstNonBlank() {
		for (int r = 0; r < this.rows.size(); r++) {
			if (!blankRow(r)) {
				return r;
			}
		}
		return -1;
	}

}
