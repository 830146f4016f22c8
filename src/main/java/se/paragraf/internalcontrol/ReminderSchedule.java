package se.paragraf.internalcontrol;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import se.paragraf.shared.nodes.JobLocks;
import se.paragraf.shared.Sweden;

/**
 * Sends the follow-up reminders on the configured schedule (off with
 * {@code paragraf.internalcontrol.reminders.enabled=false}, as in tests). Only from December to
 * January, when the report to the executive board is being written.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "paragraf.internalcontrol.reminders.enabled", havingValue = "true", matchIfMissing = true)
class ReminderSchedule {

	private final FollowUpReminders reminders;

	private final InternalControlManagement control;

	ReminderSchedule(FollowUpReminders reminders, InternalControlManagement control) {
		this.reminders = reminders;
		this.control = control;
	}

	@Scheduled(cron = "${paragraf.internalcontrol.reminders.cron:0 0 7 * * MON-FRI}", zone = Sweden.ZONE_ID)
	@SchedulerLock(name = "internalcontrol.follow-up-reminders", lockAtLeastFor = JobLocks.AT_LEAST_FOR)
	void remind() {
		int month = this.control.today().getMonthValue();
		if (month == 12 || month == 1) {
			this.reminders.send(this.reminders.reportingYear());
		}
	}

}
