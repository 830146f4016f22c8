package se.paragraf.meetings;

/**
 * An ordinary meeting from the year's schedule, or an extra meeting (extra sammanträde).
 */
public enum MeetingKind {

	ORDINARY, EXTRA

}
