package se.paragraf.proceedings;

/**
 * A vote in an open vote by name (öppen votering).
 */
public enum VoteChoice {

	YES, NO, ABSTAIN

}
