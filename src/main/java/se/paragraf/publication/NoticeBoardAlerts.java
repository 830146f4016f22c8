package se.paragraf.publication;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.paragraf.shared.nodes.JobLocks;
import se.paragraf.shared.Sweden;

/**
 * Raises the alert for postings overdue (not on a partner's board by the second day after
 * certification) every morning; the secretary's overview at /notice-boards shows them too.
 */
@Component
class NoticeBoardAlerts {

	private final NoticeBoard board;

	NoticeBoardAlerts(NoticeBoard board) {
		this.board = board;
	}

	@Scheduled(cron = "${paragraf.publication.alert-cron:0 0 8 * * *}", zone = Sweden.ZONE_ID)
	@SchedulerLock(name = "publication.overdue-postings", lockAtLeastFor = JobLocks.AT_LEAST_FOR)
	void alertOverdue() {
		this.board.logOverdue();
	}

}
