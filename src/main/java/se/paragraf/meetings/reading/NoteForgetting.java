package se.paragraf.meetings.reading;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import se.paragraf.shared.nodes.JobLocks;

/**
 * Nightly, on one node: forgets the private notes of members whose term on the board has ended.
 */
@Component
public class NoteForgetting {

	private final Reading reading;

	NoteForgetting(Reading reading) {
		this.reading = reading;
	}

	@Scheduled(cron = "${paragraf.reading.forget-cron:0 15 3 * * *}", zone = "Europe/Stockholm")
	@SchedulerLock(name = "meetings.forget-notes-of-ended-terms", lockAtLeastFor = JobLocks.AT_LEAST_FOR)
	public void forgetNotesOfEndedTerms() {
		this.reading.forgetNotesOfEndedTerms();
	}

}
