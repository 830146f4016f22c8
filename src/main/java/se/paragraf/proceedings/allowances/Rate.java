package se.paragraf.proceedings.allowances;

/**
 * Which allowance a meeting attended gives; payroll turns it into an amount by the municipality's
 * own rules for elected representatives.
 */
public enum Rate {

	/** Halvdagsarvode: at least the board's minimum time, less than its full-day threshold. */
	HALF_DAY,
	/** Heldagsarvode: at least the board's full-day threshold. */
	FULL_DAY

}
