package se.paragraf.meetings.reading;

/**
 * What a private note is: a written note on a page, or a highlighted area of it.
 */
public enum NoteKind {

	/** A written note, placed at a point of the page. */
	NOTE,
	/** A highlighted rectangle of the page, with an optional comment. */
	HIGHLIGHT

}
