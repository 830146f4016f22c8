package se.paragraf.search;

/**
 * What a search hit is.
 */
public enum EntryKind {

	MATTER, OFFICER_REPORT, DECISION, MINUTES, NOTICE, ATTACHMENT

}
