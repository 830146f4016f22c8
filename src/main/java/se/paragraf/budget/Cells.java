package se.paragraf.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.util.CellReference;
import org.jspecify.annotations.Nullable;

import se.paragraf.budget.Grid.CellError;

/**
 * Reads one grid's cells as the sheet mappers need them, and reports every cell that cannot be read
 * where the user finds it ("Verksamheter!D3"): numbers and amounts here, words and labels through the
 * static helpers.
 */
final class Cells {

	private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

	private final Grid grid;

	private final List<Finding> findings;

	Cells(Grid grid, List<Finding> findings) {
		this.grid = grid;
		this.findings = findings;
	}

	Grid grid() {
		return this.grid;
	}

	String sheet() {
		return this.grid.name();
	}

	void error(@Nullable Integer row, @Nullable Integer column, String key, Object... arguments) {
		this.findings.add(Finding.error(sheet(), row == null ? null : row + 1, column == null ? null : letter(column),
				key, arguments));
	}

	void warning(@Nullable Integer row, @Nullable Integer column, String key, Object... arguments) {
		this.findings.add(Finding.warning(sheet(), row == null ? null : row + 1,
				column == null ? null : letter(column), key, arguments));
	}

	/** The header row, the first with anything in it; -1, reported as an empty sheet, when there is none. */
	int header() {
		int header = this.grid.firstNonBlank();
		if (header < 0) {
			error(null, null, "budget.import.sheetEmpty");
		}
		return header;
	}

	/** The text of a cell, blank as "". */
	String text(int row, int column) {
		return text(this.grid.cell(row, column));
	}

	/** An amount in tkr as öre, 0 when blank or unreadable. */
	long tkrOrZero(int row, int column) {
		Long value = tkr(row, column);
		return value == null ? 0 : value;
	}

	/** An amount in tkr as öre; null when blank, unreadable or when there is no such column. */
	@Nullable Long tkr(int row, @Nullable Integer column) {
		return column == null ? null : amount(row, column, Amounts.TKR);
	}

	/** An amount in {@code unit} as öre; finer than öre is rounded and reported. */
	@Nullable Long amount(int row, int column, long unit) {
		BigDecimal value = decimal(row, column);
		if (value == null) {
			return null;
		}
		BigDecimal ore = value.multiply(BigDecimal.valueOf(unit));
		BigDecimal whole = ore.setScale(0, RoundingMode.HALF_UP);
		if (whole.compareTo(ore) != 0) {
			warning(row, column, "budget.import.finerThanOre", value.toPlainString());
		}
		if (whole.abs().compareTo(BigDecimal.valueOf(Amounts.MAX_ORE)) > 0) {
			error(row, column, "budget.check.amount.range", value.toPlainString());
			return null;
		}
		return whole.longValueExact();
	}

	/** A number cell; text that reads as a number ("-2 901", "44,56") counts, other text is an error. */
	@Nullable BigDecimal decimal(int row, int column) {
		Object cell = this.grid.cell(row, column);
		if (cell == null) {
			return null;
		}
		if (cell instanceof BigDecimal number) {
			return number;
		}
		if (cell instanceof CellError error) {
			error(row, column, "budget.import.formulaError", error.text());
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
		error(row, column, "budget.import.notNumber", text.length() > 40 ? text.substring(0, 40) + "…" : text);
		return null;
	}

	/** The column of the first number (or formula error) from {@code from} on; -1 when text or nothing comes first. */
	static int nextValue(List<@Nullable Object> cells, int from) {
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

	static String text(@Nullable Object cell) {
		if (cell == null) {
			return "";
		}
		if (cell instanceof BigDecimal number) {
			return number.stripTrailingZeros().toPlainString();
		}
		return cell instanceof CellError error ? error.text() : cell.toString();
	}

	static @Nullable Integer yearIn(String text) {
		Matcher year = YEAR.matcher(text);
		return year.find() ? Integer.valueOf(year.group()) : null;
	}

	/** Lower case without diacritics and with single spaces: "Övriga  kostnader" → "ovriga kostnader". */
	static String normal(String text) {
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
	}

	static String letter(int column) {
		return CellReference.convertNumToColString(column);
	}

}
