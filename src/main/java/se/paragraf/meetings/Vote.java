package se.paragraf.meetings;

/**
 * One decision maker's vote in an open vote by name.
 */
public record Vote(Long personId, VoteChoice choice) {
}
