package se.paragraf.proceedings;

/**
 * How a person attends a meeting.
 */
public enum Presence {

	/** Present in the room. */
	IN_PERSON,
	/** Present at a distance (deltar på distans), counted as present (kommunallagen 5 kap. 16 §). */
	REMOTE,
	/** Absent. */
	ABSENT;

	public boolean isPresent() {
		return this != ABSENT;
	}

}
