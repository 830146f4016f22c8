package se.paragraf.shared.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.files.FileRef;
import se.paragraf.shared.files.FileStore;
import se.paragraf.shared.security.CurrentUser;

/**
 * Sends the board's mail through the {@link Mailer} and keeps every mail that could not be delivered
 * as a {@link FailedMail}: shown on the screen that caused it and on the secretary's start page until
 * "Försök igen" sends it, a later mail of the same kind reaches the address, or it is taken care of by
 * hand. A failure never undoes what the mail reports on: it is answered, not thrown.
 */
@Service
@Transactional(readOnly = true)
public class MailDelivery {

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	private final Mailer mailer;

	private final FailedMails failures;

	private final FileStore files;

	private final List<FailedMailFollowUp> followUps;

	private final Clock clock;

	MailDelivery(Mailer mailer, FailedMails failures, FileStore files, List<FailedMailFollowUp> followUps,
			Clock clock) {
		this.mailer = mailer;
		this.failures = failures;
		this.files = files;
		this.followUps = followUps;
		this.clock = clock;
	}

	/**
	 * Sends the mail. On failure it is kept (or, when the same mail already waits, that one counts the
	 * attempt and takes the new wording); on success an earlier failure of the same mail is resolved.
	 *
	 * @return the error, or null when the mail went
	 */
	@Transactional
	public @Nullable String deliver(Letter letter) {
		String error = this.mailer.send(letter.address(), letter.subject(), letter.text(), letter.filename(),
				letter.pdf());
		Instant now = Instant.now(this.clock);
		List<FailedMail> waiting = this.failures.findOpen(letter.kind(), letter.boardId(), letter.meetingId(),
				letter.reference(), letter.address());
		if (error == null) {
			waiting.forEach(f -> f.resolved(FailedMailResolution.SUPERSEDED, now, CurrentUser.name()));
			return null;
		}
		log.warn("{} to {} failed: {}", letter.kind(), letter.address(), error);
		FileRef attachment = letter.pdf() == null ? null : FileRef.of(this.files.store(letter.pdf()));
		if (waiting.isEmpty()) {
			this.failures.save(new FailedMail(letter, attachment, error, now, CurrentUser.name()));
		}
		else {
			waiting.get(0).failedAgain(error, now, letter, attachment);
		}
		return error;
	}

	/**
	 * Sends a failed mail again, exactly as it was. Delivered, it is resolved and the module that sent
	 * it is told; failing again, it stays with one attempt more and the new error.
	 *
	 * @throws NotFoundException when there is no such failure
	 * @throws RuleViolation when it is already resolved (a conflict)
	 */
	@Transactional
	public FailedMail retry(Long id) {
		FailedMail mail = this.failures.lockById(id).orElseThrow(() -> new NotFoundException("FailedMail", id));
		if (!mail.isOpen()) {
			throw new RuleViolation("failedMail.resolved");
		}
		FileRef attachment = mail.getAttachment();
		String error = this.mailer.send(mail.getAddress(), mail.getSubject(), mail.getBody(), mail.getAttachmentName(),
				attachment == null ? null : this.files.read(attachment));
		Instant now = Instant.now(this.clock);
		if (error != null) {
			log.warn("Retry of {} to {} failed: {}", mail.getKind(), mail.getAddress(), error);
			mail.failedAgain(error, now, null, null);
			return mail;
		}
		mail.resolved(FailedMailResolution.RESENT, now, CurrentUser.name());
		this.followUps.stream().filter(f -> f.kind() == mail.getKind()).forEach(f -> f.resent(mail));
		return mail;
	}

	/** Records that the failed mails of a kind and reference (a dispatch) were taken care of by hand. */
	@Transactional
	public void settledByHand(MailKind kind, String reference) {
		Instant now = Instant.now(this.clock);
		this.failures.findByKindAndReferenceAndResolvedAtIsNullOrderByIdAsc(kind, reference)
			.forEach(f -> f.resolved(FailedMailResolution.BY_HAND, now, CurrentUser.name()));
	}

	/** A failure, open or resolved. */
	public FailedMail failure(Long id) {
		return this.failures.findById(id).orElseThrow(() -> new NotFoundException("FailedMail", id));
	}

	/** The undelivered mails about a meeting, oldest first. */
	public List<FailedMail> undelivered(Long meetingId) {
		return this.failures.findByMeetingIdAndResolvedAtIsNullOrderByIdAsc(meetingId);
	}

	/** The undelivered mails of a kind and reference (the follow-up reminders of a year), oldest first. */
	public List<FailedMail> undelivered(MailKind kind, String reference) {
		return this.failures.findByKindAndReferenceAndResolvedAtIsNullOrderByIdAsc(kind, reference);
	}

	/** The undelivered mails of the boards, oldest first: the start page's tasks. */
	public List<FailedMail> undeliveredOfBoards(Collection<Long> boardIds) {
		return boardIds.isEmpty() ? List.of() : this.failures.findByBoardIdInAndResolvedAtIsNullOrderByIdAsc(boardIds);
	}

}
