package se.paragraf.publication;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.TreeSet;

/**
 * Swedish public holidays (lagen (1989:253) om allmänna helgdagar) and the days on which a time
 * limit cannot end (lagen (1930:173) om beräkning av lagstadgad tid): Saturdays, Sundays, public
 * holidays, Midsummer Eve, Christmas Eve and New Year's Eve. A limit that would end on such a day
 * ends on the next day that is none of them.
 */
public final class SwedishCalendar {

	private SwedishCalendar() {
	}

	/** The public holidays of a year. */
	public static Set<LocalDate> publicHolidays(int year) {
		LocalDate easter = easterSunday(year);
		Set<LocalDate> days = new TreeSet<>();
		days.add(LocalDate.of(year, 1, 1)); // Nyårsdagen
		days.add(LocalDate.of(year, 1, 6)); // Trettondedag jul
		days.add(easter.minusDays(2)); // Långfredagen
		days.add(easter); // Påskdagen
		days.add(easter.plusDays(1)); // Annandag påsk
		days.add(LocalDate.of(year, 5, 1)); // Första maj
		days.add(easter.plusDays(39)); // Kristi himmelsfärds dag
		days.add(easter.plusDays(49)); // Pingstdagen
		days.add(LocalDate.of(year, 6, 6)); // Sveriges nationaldag
		days.add(midsummerDay(year)); // Midsommardagen
		days.add(LocalDate.of(year, 10, 31).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY))); // Alla helgons dag
		days.add(LocalDate.of(year, 12, 25)); // Juldagen
		days.add(LocalDate.of(year, 12, 26)); // Annandag jul
		return days;
	}

	public static boolean isPublicHoliday(LocalDate day) {
		return publicHolidays(day.getYear()).contains(day);
	}

	/** Whether a time limit can end on the day (a weekday that is no holiday or eve of one). */
	public static boolean isDeadlineDay(LocalDate day) {
		DayOfWeek weekday = day.getDayOfWeek();
		if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY || isPublicHoliday(day)) {
			return false;
		}
		boolean midsummerEve = day.equals(midsummerDay(day.getYear()).minusDays(1));
		boolean christmasEve = day.getMonth() == Month.DECEMBER && day.getDayOfMonth() == 24;
		boolean newYearsEve = day.getMonth() == Month.DECEMBER && day.getDayOfMonth() == 31;
		return !(midsummerEve || christmasEve || newYearsEve);
	}

	/** The day itself if a limit can end on it, otherwise the next day that can. */
	public static LocalDate deadlineOnOrAfter(LocalDate day) {
		LocalDate next = day;
		while (!isDeadlineDay(next)) {
			next = next.plusDays(1);
		}
		return next;
	}

	/** Midsommardagen: the Saturday between 20 and 26 June. */
	public static LocalDate midsummerDay(int year) {
		return LocalDate.of(year, 6, 20).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
	}

	/** Easter Sunday by the Gregorian computus (anonymous algorithm, Meeus/Jones/Butcher). */
	public static LocalDate easterSunday(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = (h + l - 7 * m + 114) % 31 + 1;
		return LocalDate.of(year, month, day);
	}

}
