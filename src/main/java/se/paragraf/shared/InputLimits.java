package se.paragraf.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;

import org.jspecify.annotations.Nullable;

/**
 * What any text or date a user sends must keep before it reaches the database: no control characters
 * (PostgreSQL refuses NUL outright) and a year the board could actually meet or decide in. The web
 * layer applies these to every form and request body; imports call them for what they read.
 */
public final class InputLimits {

	/** The first and last year any date input may name. */
	public static final int MIN_YEAR = 1900;

	public static final int MAX_YEAR = 2200;

	/** Message keys (messages.properties) for the two rules. */
	public static final String CONTROL_CHARACTERS = "PlainText";

	public static final String YEAR_OUT_OF_RANGE = "PlausibleDate";

	private InputLimits() {
	}

	/**
	 * Whether a text holds a C0 control character other than tab, line feed and carriage return (which
	 * multi-line text needs), or DEL.
	 */
	public static boolean hasControlCharacters(@Nullable String text) {
		if (text == null) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
				return true;
			}
		}
		return false;
	}

	public static boolean isPlausibleYear(int year) {
		return year >= MIN_YEAR && year <= MAX_YEAR;
	}

	/** Whether a date or point in time lies outside the years {@link #MIN_YEAR}–{@link #MAX_YEAR}. */
	public static boolean isImplausibleDate(@Nullable Temporal temporal) {
		Integer year = null;
		if (temporal instanceof LocalDate date) {
			year = date.getYear();
		}
		else if (temporal instanceof LocalDateTime dateTime) {
			year = dateTime.getYear();
		}
		else if (temporal instanceof OffsetDateTime dateTime) {
			year = dateTime.getYear();
		}
		else if (temporal instanceof ZonedDateTime dateTime) {
			year = dateTime.getYear();
		}
		else if (temporal instanceof Instant instant) {
			// Compared, not converted: an Instant reaches past the years LocalDateTime can hold.
			return instant.isBefore(LocalDate.of(MIN_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC))
					|| !instant.isBefore(LocalDate.of(MAX_YEAR + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
		}
		return year != null && !isPlausibleYear(year);
	}

}
