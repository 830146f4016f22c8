package se.paragraf.shared.mail;

/**
 * How an undelivered mail stopped being a task.
 */
public enum FailedMailResolution {

	/** "Försök igen" sent it. */
	RESENT,
	/** A later mail of the same kind about the same thing reached the same address. */
	SUPERSEDED,
	/** Someone recorded that it was taken care of by hand (an extract sent by post). */
	BY_HAND

}
