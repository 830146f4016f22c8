package se.paragraf.matters;

/**
 * An attachment is an uploaded file, or a document written in Paragraf (its text may embed live
 * tables, like the seed's operations plan).
 */
public enum AttachmentKind {

	FILE, TEXT

}
