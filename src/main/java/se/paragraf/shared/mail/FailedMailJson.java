package se.paragraf.shared.mail;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A mail that could not be delivered, as the JSON API shows it: what, to whom, the last error, the
 * attempts, and how and when it was resolved (null while it waits).
 */
public record FailedMailJson(Long id, MailKind kind, @Nullable Long meetingId, String recipient, String address,
		String subject, @Nullable String attachment, String error, int attempts, Instant firstFailedAt,
		Instant lastAttemptAt, String causedBy, @Nullable FailedMailResolution resolution,
		@Nullable Instant resolvedAt, @Nullable String resolvedBy) {

	public static FailedMailJson of(FailedMail mail) {
		return new FailedMailJson(mail.getId(), mail.getKind(), mail.getMeetingId(), mail.getRecipient(),
				mail.getAddress(), mail.getSubject(), mail.getAttachmentName(), mail.getError(), mail.getAttempts(),
				mail.getFirstFailedAt(), mail.getLastAttemptAt(), mail.getCausedBy(), mail.getResolution(),
				mail.getResolvedAt(), mail.getResolvedBy());
	}

}
