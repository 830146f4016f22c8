package se.paragraf.matters;

/**
 * An attachment was added to a matter, withdrawn from it, or had its secrecy mark set or lifted.
 */
public record AttachmentChanged(Long matterId, Long attachmentId) {
}
