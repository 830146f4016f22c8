package se.paragraf.documents.masking;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Swedish personal identity numbers (personnummer) and coordination numbers
 * (samordningsnummer, day of birth + 60) in text, recognised by the Luhn check digit over the
 * ten-digit form and a date that exists. Accepted forms: {@code YYMMDD-NNNN}, {@code YYMMDD+NNNN}
 * (a person over 100), {@code YYMMDDNNNN}, {@code YYYYMMDD-NNNN} and {@code YYYYMMDDNNNN}.
 * A number glued to letters, digits or to further digits by punctuation (a phone or account number,
 * a diary number, a decimal) is part of something else and is not reported.
 */
public final class IdentityNumbers {

	/*
	 * Before: no letter or digit, and no digit followed by a joining character (1234-, 5.). After: the
	 * same, mirrored. Inside: a century (12 digits) or not (10 digits); '+' only in the short form,
	 * as Skatteverket writes it.
	 */
	private static final Pattern CANDIDATE = Pattern.compile("(?<![\\p{L}\\p{N}])(?<!\\p{N}[-+/.,:])"
			+ "(?:(\\d{2})(\\d{6})-?(\\d{4})|(\\d{6})([-+]?)(\\d{4}))" + "(?![\\p{L}\\p{N}])(?![-+/.,:]\\p{N})");

	private IdentityNumbers() {
	}

	/**
	 * The identity numbers in a text, in order. {@code today} settles the century of the short
	 * forms: the most recent year ending in those digits that is not in the future, a hundred years
	 * earlier after '+'.
	 */
	public static List<Found> find(CharSequence text, LocalDate today) {
		List<Found> found = new ArrayList<>();
		Matcher m = CANDIDATE.matcher(text);
		while (m.find()) {
			Optional<Found> number = m.group(1) != null ? withCentury(m, today) : withoutCentury(m, today);
			number.ifPresent(found::add);
		}
		return found;
	}

	/** Whether a whole text (trimmed) is one valid identity number. */
	public static boolean isIdentityNumber(String text, LocalDate today) {
		String trimmed = text.strip();
		List<Found> found = find(trimmed, today);
		return found.size() == 1 && found.get(0).start() == 0 && found.get(0).end() == trimmed.length();
	}

	private static Optional<Found> withCentury(Matcher m, LocalDate today) {
		int century = Integer.parseInt(m.group(1));
		String date = m.group(2);
		String serial = m.group(3);
		if (century < 18 || century > 20) {
			return Optional.empty();
		}
		int year = century * 100 + Integer.parseInt(date.substring(0, 2));
		return found(m, year, date, serial);
	}

	private static Optional<Found> withoutCentury(Matcher m, LocalDate today) {
		String date = m.group(4);
		String serial = m.group(6);
		int shortYear = Integer.parseInt(date.substring(0, 2));
		int year = today.getYear() - Math.floorMod(today.getYear() - shortYear, 100);
		int month = Integer.parseInt(date.substring(2, 4));
		int day = dayOfMonth(Integer.parseInt(date.substring(4, 6)));
		if (year == today.getYear() && (month > today.getMonthValue()
				|| (month == today.getMonthValue() && day > today.getDayOfMonth()))) {
			year -= 100;
		}
		if ("+".equals(m.group(5))) {
			year -= 100;
		}
		return found(m, year, date, serial);
	}

	private static Optional<Found> found(Matcher m, int year, String date, String serial) {
		String digits = date + serial;
		if (!luhnValid(digits)) {
			return Optional.empty();
		}
		int month = Integer.parseInt(date.substring(2, 4));
		int dayField = Integer.parseInt(date.substring(4, 6));
		boolean coordination = dayField > 60;
		if (coordination && dayField > 91) {
			return Optional.empty();
		}
		LocalDate born;
		try {
			born = LocalDate.of(year, month, dayOfMonth(dayField));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
		return Optional.of(new Found(m.start(), m.end(), m.group(), digits, born, coordination));
	}

	private static int dayOfMonth(int dayField) {
		return dayField > 60 ? dayField - 60 : dayField;
	}

	/** The Luhn check over ten digits: weights 2,1,2,1…, digit sums added, total divisible by ten. */
	static boolean luhnValid(String tenDigits) {
		int sum = 0;
		for (int i = 0; i < tenDigits.length(); i++) {
			int product = (tenDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
			sum += product / 10 + product % 10;
		}
		return sum % 10 == 0;
	}

	/**
	 * One identity number found in a text.
	 * @param start offset of the first character
	 * @param end offset after the last character
	 * @param text the number as written
	 * @param digits the ten-digit form (YYMMDDNNNN), the same however the number was written
	 * @param born the date of birth (for a coordination number, the day less 60)
	 * @param coordination whether it is a samordningsnummer
	 */
	public record Found(int start, int end, String text, String digits, LocalDate born, boolean coordination) {
	}

}
