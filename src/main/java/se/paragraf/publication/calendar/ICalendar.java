package se.paragraf.publication.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import se.paragraf.shared.Sweden;

/**
 * Writes an iCalendar (RFC 5545) text: CRLF line ends, content lines folded at 75 octets without
 * splitting a character, and text values escaped.
 */
final class ICalendar {

	static final String ZONE = Sweden.ZONE_ID;

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	/** Europe/Stockholm: CET, CEST from the last Sunday of March to the last Sunday of October. */
	private static final String[] STOCKHOLM = { "BEGIN:VTIMEZONE", "TZID:" + ZONE, "BEGIN:DAYLIGHT",
			"TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
			"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "BEGIN:STANDARD", "TZOFFSETFROM:+0200",
			"TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
			"END:STANDARD", "END:VTIMEZONE" };

	private final StringBuilder out = new StringBuilder();

	ICalendar(String name) {
		line("BEGIN:VCALENDAR");
		line("VERSION:2.0");
		line("PRODID:-//Paragraf//Paragraf//SV");
		line("CALSCALE:GREGORIAN");
		line("METHOD:PUBLISH");
		line("X-WR-CALNAME:" + text(name));
		line("X-WR-TIMEZONE:" + ZONE);
		for (String line : STOCKHOLM) {
			line(line);
		}
	}

	/** One meeting; {@code sequence} grows with every change, so clients replace their copy. */
	ICalendar event(String uid, long sequence, Instant stamp, LocalDateTime start, LocalDateTime end, String status,
			String summary, @Nullable String location, @Nullable String description, @Nullable String url) {
		line("BEGIN:VEVENT");
		line("UID:" + text(uid));
		line("DTSTAMP:" + UTC.format(stamp.truncatedTo(ChronoUnit.SECONDS)));
		line("DTSTART;TZID=" + ZONE + ":" + LOCAL.format(start));
		line("DTEND;TZID=" + ZONE + ":" + LOCAL.format(end));
		line("SEQUENCE:" + sequence);
		line("STATUS:" + status);
		line("SUMMARY:" + text(summary));
		if (location != null && !location.isBlank()) {
			line("LOCATION:" + text(location));
		}
		if (description != null && !description.isBlank()) {
			line("DESCRIPTION:" + text(description));
		}
		if (url != null) {
			line("URL:" + url);
		}
		line("END:VEVENT");
		return this;
	}

	String end() {
		line("END:VCALENDAR");
		return this.out.toString();
	}

	/** TEXT escaping of RFC 5545 3.3.11. */
	static String text(String value) {
		return value.replace("\\", "\\\\")
			.replace(";", "\\;")
			.replace(",", "\\,")
			.replace("\r\n", "\\n")
			.replace("\n", "\\n")
			.replace("\r", "\\n");
	}

	/** Folds a content line at 75 octets; continuation lines start with a space (RFC 5545 3.1). */
	static String fold(String line) {
		StringBuilder folded = new StringBuilder();
		int octets = 0;
		int limit = 75;
		for (int i = 0; i < line.length();) {
			int codePoint = line.codePointAt(i);
			String character = new String(Character.toChars(codePoint));
			int size = character.getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				folded.append("\r\n ");
				octets = 1;
			}
			folded.append(character);
			octets += size;
			i += Character.charCount(codePoint);
		}
		return folded.toString();
	}

	private void line(String line) {
		this.out.append(fold(line)).append("\r\n");
	}

}
