package se.paragraf.proceedings;

/**
 * Whether the board can decide an item: more than half of its members must take part, a
 * member with a conflict of interest not counted (kommunallagen 6 kap. 27 §).
 */
public record Quorum(int serving, int members) {

	public boolean isReached() {
		return 2 * this.serving > this.members;
	}

	/** How many more decision makers the board needs. */
	public int missing() {
		return isReached() ? 0 : this.members / 2 + 1 - this.serving;
	}

}
