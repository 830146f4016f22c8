package se.paragraf.shared.mail;

/**
 * What a mail Paragraf sends is about; names the failure on the screens and the start page.
 */
public enum MailKind {

	/** A member is told that the notice of a meeting is published. */
	NOTICE_PUBLISHED,
	/** A member is told that the minutes are certified. */
	MINUTES_CERTIFIED,
	/** The chair or a checker is reminded to sign the minutes. */
	SIGNING_REMINDER,
	/** A section's extract sent to a decision recipient (expediering). */
	DECISION_DISPATCH,
	/** Those responsible for control points are reminded to follow them up. */
	FOLLOW_UP_REMINDER

}
