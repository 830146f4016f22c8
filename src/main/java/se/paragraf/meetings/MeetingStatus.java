package se.paragraf.meetings;

/**
 * Where a meeting stands.
 */
public enum MeetingStatus {

	/** Scheduled; the agenda is being built. */
	PLANNED,
	/** The notice is published. */
	NOTICE_PUBLISHED,
	/** Held; the minutes await certification. */
	HELD,
	/** The minutes are certified. */
	MINUTES_CERTIFIED,
	/** Cancelled (inställt). */
	CANCELLED

}
