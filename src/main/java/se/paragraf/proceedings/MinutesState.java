package se.paragraf.proceedings;

/**
 * Where a version of the minutes stands.
 */
public enum MinutesState {

	/** Drawn up, awaiting the signatures of the chair and the checkers. */
	DRAFT,
	/** Certified (justerat): signed and sealed, never changed again. */
	CERTIFIED

}
