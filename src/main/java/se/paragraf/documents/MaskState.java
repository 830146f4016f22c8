package se.paragraf.documents;

/**
 * Where a mask stands in the secretary's review.
 */
public enum MaskState {

	/** Detected and not yet looked at: masked all the same, so nothing leaks unreviewed. */
	PROPOSED,
	/** Masked, as the secretary decided. */
	CONFIRMED,
	/** Not masked: the secretary decided the text may be published. */
	REMOVED;

	public boolean masks() {
		return this != REMOVED;
	}

}
