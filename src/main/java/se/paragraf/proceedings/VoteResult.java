package se.paragraf.proceedings;

import java.util.List;

/**
 * The count of an open vote by name.
 */
public record VoteResult(int yes, int no, int abstain) {

	static VoteResult of(List<Vote> votes) {
		return new VoteResult((int) votes.stream().filter(v -> v.choice() == VoteChoice.YES).count(),
				(int) votes.stream().filter(v -> v.choice() == VoteChoice.NO).count(),
				(int) votes.stream().filter(v -> v.choice() == VoteChoice.ABSTAIN).count());
	}

	public boolean isEmpty() {
		return this.yes + this.no + this.abstain == 0;
	}

	/** "4 ja, 1 nej, 0 avstår", as the minutes print it. */
	public String summary() {
		return this.yes + " ja, " + this.no + " nej, " + this.abstain + " avstår";
	}

}
