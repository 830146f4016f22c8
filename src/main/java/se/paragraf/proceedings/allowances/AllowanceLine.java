package se.paragraf.proceedings.allowances;

import java.time.LocalDate;

/**
 * One person's attendance at one meeting as allowances count it: how long she was there (the
 * meeting's length for the share of its items she was present for), at a distance or not, serving
 * or not, and the rate it gives.
 */
public record AllowanceLine(Long personId, String personName, Long meetingId, LocalDate meetingDate, boolean remote,
		boolean serving, int minutes, Rate rate) {

	/** Who and which meeting: a later run corrects the line with the same key. */
	Key key() {
		return new Key(this.personId, this.meetingId);
	}

	/** Whether payroll would pay this line differently from {@code other} (the name is only shown). */
	boolean paysLike(AllowanceLine other) {
		return this.remote == other.remote && this.serving == other.serving && this.minutes == other.minutes
				&& this.rate == other.rate && this.meetingDate.equals(other.meetingDate);
	}

	record Key(Long personId, Long meetingId) {
	}

}
