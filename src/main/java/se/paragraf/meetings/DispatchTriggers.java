package se.paragraf.meetings;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import se.paragraf.shared.Sweden;

/**
 * When dispatch and notifications happen: after certification and publication have committed (so
 * a mail failure cannot undo them), and a daily round of certification reminders.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DispatchTriggers {

	private static final Logger log = LoggerFactory.getLogger(DispatchTriggers.class);

	private final DecisionDispatch dispatch;

	private final Clock clock;

	DispatchTriggers(DecisionDispatch dispatch, Clock clock) {
		this.clock = clock;
		this.dispatch = dispatch;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(MinutesCertified event) {
		try {
			this.dispatch.dispatch(event.meetingId());
			this.dispatch.notifyCertified(event);
		}
		catch (RuntimeException ex) {
			// The certification stands; the dispatch list shows what is left to do.
			log.error("Dispatch after certification of meeting {} failed", event.meetingId(), ex);
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(NoticePublished event) {
		try {
			this.dispatch.notifyNoticePublished(event);
		}
		catch (RuntimeException ex) {
			log.error("Notifying members of the notice of meeting {} failed", event.meetingId(), ex);
		}
	}

	@Scheduled(cron = "${paragraf.certification.reminder-cron:0 0 7 * * *}", zone = Sweden.ZONE_ID)
	void remind() {
		this.dispatch.remindSigners(LocalDate.now(this.clock));
	}

}
