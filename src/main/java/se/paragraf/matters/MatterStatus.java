package se.paragraf.matters;

/**
 * Where a matter stands in the register.
 */
public enum MatterStatus {

	/** Registered, being prepared. */
	OPEN,
	/** On a meeting's agenda. */
	ON_AGENDA,
	/** Decided by the board. */
	DECIDED,
	/** Closed (avslutat) after decision and dispatch. */
	CLOSED

}
