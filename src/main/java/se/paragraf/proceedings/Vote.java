package se.paragraf.proceedings;

/**
 * One decision maker's vote in an open vote by name.
 */
public record Vote(Long personId, VoteChoice choice) {
}
