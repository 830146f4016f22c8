package se.paragraf.demo;

/**
 * A module's part of the demo data, loaded after the organisation, the matters and the meetings
 * exist and before the demo meeting's notice is published (so live tables appear in it).
 */
public interface DemoStep {

	/** Steps run in ascending order. */
	int order();

	void load();

}
