package se.paragraf.matters;

/**
 * A matter got a new title.
 */
public record MatterRetitled(Long matterId) {
}
