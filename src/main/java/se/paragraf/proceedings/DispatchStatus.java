package se.paragraf.proceedings;

/**
 * How an extract reached (or did not reach) a recipient.
 */
public enum DispatchStatus {

	/** Sent by e-mail. */
	SENT,
	/** The e-mail could not be sent; to be followed up by hand. */
	FAILED,
	/** The recipient has no e-mail address: to be sent by hand. */
	MANUAL,
	/** Sent by hand, as recorded by the secretary. */
	SENT_MANUALLY

}
