package se.paragraf.demo;

/**
 * A module's part of the demo data that needs the demo meeting's notice published first, such as
 * recording the meeting as held; runs after the notice is published, in ascending order.
 */
public interface AfterNoticeDemoStep {

	int order();

	void load();

}
