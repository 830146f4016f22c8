package se.paragraf.matters;

/**
 * A matter's secrecy mark was set or lifted.
 */
public record MatterClassified(Long matterId, boolean confidential) {
}
