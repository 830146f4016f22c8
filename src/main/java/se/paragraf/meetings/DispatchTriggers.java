package se.paragraf.meetings;

import java.time.LocalDate;

import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import se.paragraf.shared.events.EventEffects;

/**
 * When dispatch and notifications happen: after certification and publication have committed (so
 * a mail failure cannot undo them), and a daily round of certification reminders.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DispatchTriggers {

	private final DecisionDispatch dispatch;

	private final MeetingPlanning planning;

	private final EventEffects effects;

	DispatchTriggers(DecisionDispatch dispatch, MeetingPlanning planning, EventEffects effects) {
		this.dispatch = dispatch;
		this.planning = planning;
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
			this.dispatch.notifyMembers(event.meetingId(), "Protokollet är justerat: " + event.meetingDate(),
					"Hej,\n\nProtokollet från sammanträdet " + event.meetingDate() + " (" + event.sectionRange()
							+ ") justerades " + event.certifiedOn() + " och anslås på kommunernas anslagstavlor.\n");
		}
	}

	/** As above: the members hear of each published version of a notice once. */
	@ApplicationModuleListener
	void on(NoticePublished event) {
		if (this.effects.claim("meetings.notice-published.members:" + event.meetingId() + "/" + event.versionNumber())) {
			Meeting meeting = this.planning.meeting(event.meetingId());
			this.dispatch.notifyMembers(event.meetingId(), "Kallelse publicerad: " + meeting.getStart().toLocalDate(),
					"Hej,\n\nKallelsen till sammanträdet " + NoticeComposer.when(meeting) + " är publicerad (version "
							+ event.versionNumber() + ").\n");
		}
	}

	@Scheduled(cron = "${paragraf.certification.reminder-cron:0 0 7 * * *}", zone = "Europe/Stockholm")
	void remind() {
		this.dispatch.remindSigners(LocalDate.now(Certification.SWEDEN));
	}

}
