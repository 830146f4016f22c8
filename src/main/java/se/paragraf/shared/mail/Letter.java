package se.paragraf.shared.mail;

import org.jspecify.annotations.Nullable;

/**
 * One mail as Paragraf sends it, with what it concerns: its kind, board, meeting and a reference of
 * its kind (a dispatch, a year), and the screen where a failure to deliver it is shown and retried.
 * Kept whole when it fails, so that a retry sends exactly it.
 *
 * @param recipient who it is for, as people read it (a name, or "Kommunstyrelsen för kännedom")
 * @param screen the path of the page that caused the mail, where its failure is shown
 */
public record Letter(MailKind kind, @Nullable Long boardId, @Nullable Long meetingId, @Nullable String reference,
		String screen, String recipient, String address, String subject, String text, @Nullable String filename,
		byte @Nullable [] pdf) {

	/** A plain-text mail about a meeting (or, with a null meeting, about a board). */
	public static Letter about(MailKind kind, @Nullable Long boardId, @Nullable Long meetingId, String screen,
			String recipient, String address, String subject, String text) {
		return new Letter(kind, boardId, meetingId, null, screen, recipient, address, subject, text, null, null);
	}

	/** The same mail, with the reference that tells it from others of its kind (a dispatch's id, a year). */
	public Letter referring(String reference) {
		return new Letter(this.kind, this.boardId, this.meetingId, reference, this.screen, this.recipient, this.address,
				this.subject, this.text, this.filename, this.pdf);
	}

	/** The same mail with a PDF attached. */
	public Letter attaching(String filename, byte[] pdf) {
		return new Letter(this.kind, this.boardId, this.meetingId, this.reference, this.screen, this.recipient,
				this.address, this.subject, this.text, filename, pdf);
	}

}
