package se.paragraf.proceedings;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import se.paragraf.shared.Sweden;
import se.paragraf.shared.events.EventEffects;
import se.paragraf.meetings.NoticePublished;

/**
 * When dispatch and notifications happen: after certification and publication have committed (so
 * a mail failure cannot undo them), and a daily round of certification reminders.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DispatchTriggers {

	private final DecisionDispatch dispatch;

	private final Clock clock;

	private final EventEffects effects;

	DispatchTriggers(DecisionDispatch dispatch, Clock clock, EventEffects effects) {
		this.dispatch = dispatch;
		this.clock = clock;
		this.effects = effects;
	}

	/**
	 * A registered publication, handled after the certification has committed (so a mail failure
	 * cannot undo it) in a transaction of its own; a failure leaves it to be resubmitted. A replay
	 * changes nothing twice: the dispatch is skipped once recorded for the minutes, and the members'
	 * mail is claimed once per certified version.
	 */
	@ApplicationModuleListener
	void on(MinutesCertified event) {
		this.dispatch.dispatch(event.meetingId());
		if (this.effects.claim("meetings.minutes-certified.members:" + event.minutesId() + "/" + event.versionNumber())) {
			this.dispatch.notifyCertified(event);
		}
	}

	/** As above: the members hear of each published version of a notice once. */
	@ApplicationModuleListener
	void on(NoticePublished event) {
		if (this.effects.claim("meetings.notice-published.members:" + event.meetingId() + "/" + event.versionNumber())) {
			this.dispatch.notifyNoticePublished(event);
		}
	}

	@Scheduled(cron = "${paragraf.certification.reminder-cron:0 0 7 * * *}", zone = Sweden.ZONE_ID)
	void remind() {
		this.dispatch.remindSigners(LocalDate.now(this.clock));
	}

}
