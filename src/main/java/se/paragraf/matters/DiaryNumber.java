package se.paragraf.matters;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.paragraf.shared.RuleViolation;

/**
 * A diary number (diarienummer): the board's prefix, the year and a serial, written
 * {@code GSN2023/4}.
 */
public record DiaryNumber(String prefix, int year, int serial) implements Comparable<DiaryNumber> {

	private static final Pattern FORMAT = Pattern.compile("^\\s*([A-Za-zÅÄÖåäö]{1,12})\\s*(\\d{4})\\s*/\\s*(\\d{1,6})\\s*$");

	public DiaryNumber {
		if (serial < 1 || year < 1900 || year > 2999) {
			throw new IllegalArgumentException("Not a diary number: " + prefix + year + "/" + serial);
		}
	}

	/** Reads {@code GSN2023/4} (spaces tolerated); anything else is refused as a field error. */
	public static DiaryNumber parse(String text) {
		Matcher m = FORMAT.matcher(text == null ? "" : text);
		if (!m.matches() || Integer.parseInt(m.group(3)) < 1) {
			throw RuleViolation.onField("diaryNumber", "matter.diaryNumber.format", text);
		}
		return new DiaryNumber(m.group(1).toUpperCase(java.util.Locale.ROOT), Integer.parseInt(m.group(2)),
				Integer.parseInt(m.group(3)));
	}

	@Override
	public String toString() {
		return this.prefix + this.year + "/" + this.serial;
	}

	@Override
	public int compareTo(DiaryNumber other) {
		int byPrefix = this.prefix.compareTo(other.prefix);
		if (byPrefix != 0) {
			return byPrefix;
		}
		return this.year != other.year ? Integer.compare(this.year, other.year)
				: Integer.compare(this.serial, other.serial);
	}

}
