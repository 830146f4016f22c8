package se.paragraf.matters;

/**
 * A report is a draft until its matter is on a published notice; then the published notice keeps
 * the frozen text, and the report may still change for a later meeting.
 */
public enum ReportStatus {

	DRAFT, READY

}
