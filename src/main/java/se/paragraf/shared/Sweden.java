package se.paragraf.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Where Paragraf works: Swedish time and the Swedish language, whatever the server's own defaults.
 * Dates a user sees (a diary year, a meeting day, "today") are Swedish dates; read the current time
 * through the {@link java.time.Clock} bean, which is in this zone.
 * <p>
 * Also the one way dates, times and numbers are written for people, in Java and in templates
 * ({@code ${T(se.paragraf.shared.Sweden).date(meeting.start)}}): "5 december 2023",
 * "kl. 10:00–12:00", "76 944", and a year always "2024", never "2 024".
 */
public final class Sweden {

	/** For annotations, which need a constant ({@code @Scheduled(zone = Sweden.ZONE_ID)}). */
	public static final String ZONE_ID = "Europe/Stockholm";

	public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

	/** The language of documents, e-mails and the default user interface. */
	public static final Locale LOCALE = Locale.forLanguageTag("sv-SE");

	/** Between thousands: a no-break space, so "76 944" never breaks over two lines. */
	public static final char THOUSANDS = '\u00a0';

	/** Between the two times of a range ("10:00–12:00"). */
	public static final String EN_DASH = "\u2013";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", LOCALE);

	private static final DateTimeFormatter WEEKDAY_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", LOCALE);

	private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", LOCALE);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", LOCALE);

	private Sweden() {
	}

	/** "5 december 2023"; empty for no date. */
	public static String date(@Nullable TemporalAccessor day) {
		return day == null ? "" : DATE.format(local(day));
	}

	/** "tisdag 5 december 2023". */
	public static String weekdayDate(@Nullable TemporalAccessor day) {
		return day == null ? "" : WEEKDAY_DATE.format(local(day));
	}

	/** "5 december", for a date whose year is clear from its context. */
	public static String dayAndMonth(@Nullable TemporalAccessor day) {
		return day == null ? "" : DAY_MONTH.format(local(day));
	}

	/** "10:00". */
	public static String time(@Nullable TemporalAccessor time) {
		return time == null ? "" : TIME.format(local(time));
	}

	/** "kl. 10:00–12:00", or "kl. 10:00" without an end. */
	public static String timeRange(TemporalAccessor start, @Nullable TemporalAccessor end) {
		return "kl.\u00a0" + time(start) + (end == null ? "" : EN_DASH + time(end));
	}

	/** "5 december 2023 kl. 10:00" (an instant is read in Swedish time). */
	public static String dateTime(@Nullable TemporalAccessor at) {
		return at == null ? "" : date(at) + " kl.\u00a0" + time(at);
	}

	/** "5 december 2023, kl. 10:00–12:00": a meeting's day and hours. */
	public static String dateAndTimes(LocalDateTime start, @Nullable LocalDateTime end) {
		return date(start) + ", " + timeRange(start, end);
	}

	/** A year as it is written: "2024", without a thousands separator. */
	public static String year(int year) {
		return Integer.toString(year);
	}

	/** A whole number with no-break spaces between thousands and a hyphen-minus: "-37 841". */
	public static String number(long number) {
		String digits = Long.toString(number);
		int start = number < 0 ? 1 : 0;
		StringBuilder out = new StringBuilder(digits.length() + 6);
		out.append(digits, 0, start);
		int length = digits.length() - start;
		for (int i = 0; i < length; i++) {
			if (i > 0 && (length - i) % 3 == 0) {
				out.append(THOUSANDS);
			}
			out.append(digits.charAt(start + i));
		}
		return out.toString();
	}

	/** Instants in Swedish time; local dates and times as they are. */
	private static TemporalAccessor local(TemporalAccessor value) {
		return value instanceof Instant instant ? instant.atZone(ZONE) : value;
	}

}
