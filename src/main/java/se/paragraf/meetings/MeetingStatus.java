package se.paragraf.meetings;

/**
 * Where a meeting stands.
 */
public enum MeetingStatus {

	/** Scheduled; the agenda is being built. */
	PLANNED,
	/** The notice is published. */
	NOTICE_PUBLISHED,
	/** Cancelled (inställt). */
	CANCELLED

}
