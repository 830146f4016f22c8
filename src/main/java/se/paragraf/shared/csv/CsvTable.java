package se.paragraf.shared.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * A CSV file as Swedish Excel writes and reads it: semicolon-separated (a caller may accept another
 * separator, found in the first line), quoted fields that hold separators, quotes and line breaks,
 * UTF-8 with or without a byte order mark. One row per record, so row numbers are the rows Excel shows;
 * blank lines inside the file are kept as empty rows, blank lines at its end are dropped. Decimal commas
 * are the caller's: cells are text.
 */
public final class CsvTable {

	private final char separator;

	private final List<List<String>> rows;

	private CsvTable(char separator, List<List<String>> rows) {
		this.separator = separator;
		this.rows = rows;
	}

	/**
	 * Reads {@code text}; the separator is the first of {@code separators} that occurs in the first
	 * non-blank line, or the last of them when none does.
	 * @throws Unclosed when a quoted field is still open at the end of the file
	 */
	public static CsvTable read(@Nullable String text, char... separators) {
		if (separators.length == 0) {
			throw new IllegalArgumentException("at least one separator");
		}
		String csv = text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
		char separator = separator(csv, separators);
		CSVFormat format = CSVFormat.EXCEL.builder()
			.setDelimiter(separator)
			.setIgnoreEmptyLines(false)
			.setTrailingData(true)
			.setLenientEof(false)
			.get();
		List<List<String>> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(csv, format)) {
			for (CSVRecord record : parser) {
				rows.add(List.copyOf(record.toList()));
			}
		}
		catch (IOException | UncheckedIOException ex) {
			// Reading a string fails only on a quote that is never closed: the rest of the file would be one cell.
			throw new Unclosed(rows.size() + 1);
		}
		while (!rows.isEmpty() && blank(rows.get(rows.size() - 1))) {
			rows.remove(rows.size() - 1);
		}
		return new CsvTable(separator, List.copyOf(rows));
	}

	/** {@code bytes} as UTF-8 text without its byte order mark; null when they are not UTF-8 text. */
	public static @Nullable String utf8(byte[] bytes) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
		if (text.indexOf('\0') >= 0) {
			return null;
		}
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	/** True when a row has no cell with anything but white space in it (an empty line is such a row). */
	public static boolean blank(List<String> row) {
		return row.stream().allMatch(String::isBlank);
	}

	public char separator() {
		return this.separator;
	}

	/** The rows in file order; row {@code i} is the file's row {@code i + 1}. */
	public List<List<String>> rows() {
		return this.rows;
	}

	private static char separator(String csv, char[] separators) {
		String first = csv.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
		for (char candidate : separators) {
			if (first.indexOf(candidate) >= 0) {
				return candidate;
			}
		}
		return separators[separators.length - 1];
	}

	/** A quoted field opened on a row and never closed. */
	public static final class Unclosed extends RuntimeException {

		private final int row;

		Unclosed(int row) {
			super("quoted field on row " + row + " is never closed");
			this.row = row;
		}

		/** The 1-based row the open field starts on. */
		public int row() {
			return this.row;
		}

	}

}
