package se.paragraf.shared.mail;

/**
 * What a module does when a failed mail of its kind is delivered on a retry, in the retry's
 * transaction: the dispatch records the extract as sent. Implemented by the module that sends the
 * kind; kinds without one need nothing more than the failure resolved.
 */
public interface FailedMailFollowUp {

	MailKind kind();

	void resent(FailedMail mail);

}
