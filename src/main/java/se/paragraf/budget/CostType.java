package se.paragraf.budget;

/**
 * A cost or revenue type of the bridge (kostnads- och intäktsslag). {@link #NON_PERMANENT} is a part
 * of {@link #PERSONNEL} ("därav"), so it is not counted again in the sum.
 */
public enum CostType {

	PERSONNEL, NON_PERMANENT, CAPITAL, PREMISES, OTHER, REVENUE;

	/** Whether the type counts in the row sum (Summa); "of which" parts do not. */
	public boolean countsInSum() {
		return this != NON_PERMANENT;
	}

}
