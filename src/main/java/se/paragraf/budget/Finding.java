package se.paragraf.budget;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A failed check, located where the user can find it: the sheet (or table), the 1-based row and the
 * column letter or name. An error stops saving; a warning is shown and saved with the data as stated.
 */
public record Finding(Severity severity, String sheet, @Nullable Integer row, @Nullable String column, String key,
		List<String> arguments) {

	public enum Severity {

		ERROR, WARNING

	}

	public static Finding error(String sheet, @Nullable Integer row, @Nullable String column, String key,
			Object... arguments) {
		return new Finding(Severity.ERROR, sheet, row, column, key, strings(arguments));
	}

	public static Finding warning(String sheet, @Nullable Integer row, @Nullable String column, String key,
			Object... arguments) {
		return new Finding(Severity.WARNING, sheet, row, column, key, strings(arguments));
	}

	public boolean isError() {
		return this.severity == Severity.ERROR;
	}

	/** Where, as a spreadsheet user writes it: "Verksamheter!C4". */
	public String location() {
		StringBuilder where = new StringBuilder(this.sheet);
		if (this.column != null || this.row != null) {
			where.append('!');
			if (this.column != null) {
				where.append(this.column);
			}
			if (this.row != null) {
				where.append(this.row);
			}
		}
		return where.toString();
	}

	private static List<String> strings(Object[] arguments) {
		return java.util.Arrays.stream(arguments).map(String::valueOf).toList();
	}

}
