package se.paragraf.meetings;

/**
 * Where the record of a held meeting stands.
 */
public enum RecordState {

	/** The meeting is under way: attendance and decisions are being recorded. */
	IN_PROGRESS,
	/** The meeting is closed, its sections numbered; the minutes await certification. */
	CLOSED,
	/** The minutes are certified (justerade) and can no longer change. */
	CERTIFIED,
	/** A correction of certified minutes is being prepared as a new version. */
	IN_CORRECTION

}
