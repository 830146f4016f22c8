package se.paragraf.internalcontrol;

/**
 * Whose plan a control point comes from: the municipality-wide plan set by the executive board
 * (kommungemensam) or the board's own plan (nämndspecifik).
 */
public enum Origin {

	COMMON, BOARD

}
