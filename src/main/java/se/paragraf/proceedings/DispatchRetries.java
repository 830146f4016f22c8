package se.paragraf.proceedings;

import java.time.Instant;

import org.springframework.stereotype.Component;

import se.paragraf.shared.mail.FailedMail;
import se.paragraf.shared.mail.FailedMailFollowUp;
import se.paragraf.shared.mail.MailKind;

/**
 * When "Försök igen" delivers an extract whose dispatch had failed, the dispatch is recorded as sent,
 * by whoever retried and when.
 */
@Component
class DispatchRetries implements FailedMailFollowUp {

	private final Dispatches dispatches;

	DispatchRetries(Dispatches dispatches) {
		this.dispatches = dispatches;
	}

	@Override
	public MailKind kind() {
		return MailKind.DECISION_DISPATCH;
	}

	@Override
	public void resent(FailedMail mail) {
		String reference = mail.getReference();
		if (reference == null) {
			return;
		}
		this.dispatches.findById(Long.valueOf(reference)).ifPresent(dispatch -> {
			Instant at = mail.getResolvedAt();
			dispatch.resent(at == null ? mail.getLastAttemptAt() : at,
					mail.getResolvedBy() == null ? "system" : mail.getResolvedBy());
			this.dispatches.save(dispatch);
		});
	}

}
