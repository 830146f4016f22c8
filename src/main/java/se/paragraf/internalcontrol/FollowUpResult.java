package se.paragraf.internalcontrol;

/**
 * The result of a control: UA (utan anmärkning) or MA (med anmärkning).
 */
public enum FollowUpResult {

	NO_REMARK("UA"), WITH_REMARK("MA");

	private final String abbreviation;

	FollowUpResult(String abbreviation) {
		this.abbreviation = abbreviation;
	}

	public String abbreviation() {
		return this.abbreviation;
	}

}
