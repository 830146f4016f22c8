package se.paragraf.budget;

/**
 * Where a budget version stands. A decided version (the first decision, or a later adjustment) is
 * frozen: a change makes a new version.
 */
public enum VersionStatus {

	DRAFT, PROPOSED, DECIDED, ADJUSTED;

	public boolean isFrozen() {
		return this == DECIDED || this == ADJUSTED;
	}

}
