package se.paragraf.publication;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;

/**
 * The time for an appeal by judicial review (laglighetsprövning, kommunallagen 13 kap. 5 §): three
 * weeks from the day the certification was announced on the notice board; for a joint board, from
 * the last of its partner municipalities' postings. A period ending on a Saturday, Sunday, public
 * holiday, Midsummer Eve, Christmas Eve or New Year's Eve ends on the next weekday.
 */
public final class AppealPeriod {

	public static final int WEEKS = 3;

	private AppealPeriod() {
	}

	/** The last day of the appeal period after postings on the given days. */
	public static LocalDate endsOn(Collection<LocalDate> postings) {
		if (postings.isEmpty()) {
			throw new IllegalArgumentException("No posting");
		}
		LocalDate last = postings.stream().max(Comparator.naturalOrder()).orElseThrow();
		return SwedishCalendar.deadlineOnOrAfter(last.plusWeeks(WEEKS));
	}

	/** The first day a notice may be taken down: the day after the appeal period. */
	public static LocalDate takeDownOn(LocalDate appealEndsOn) {
		return appealEndsOn.plusDays(1);
	}

	/** Posting is due no later than the second day after certification. */
	public static LocalDate postingDueBy(LocalDate certifiedOn) {
		return certifiedOn.plusDays(2);
	}

}
