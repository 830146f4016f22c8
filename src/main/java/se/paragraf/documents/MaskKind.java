package se.paragraf.documents;

/**
 * Why a piece of text is masked.
 */
public enum MaskKind {

	/** A personnummer or samordningsnummer found by its check digit: proposed, masked by default. */
	IDENTITY_NUMBER,
	/** A passage the secretary marked. */
	PASSAGE

}
