package se.paragraf.internalcontrol;

/**
 * An improvement measure already taken (vidtagen) or proposed (föreslagen).
 */
public enum MeasureKind {

	TAKEN, PROPOSED

}
