package se.paragraf.operations.orphans;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.paragraf.shared.Sweden;
import se.paragraf.shared.nodes.JobLocks;

/**
 * Runs the {@link OrphanFiles} sweep nightly on one node, and once on a node that has just started
 * (a node killed in the middle of a change is one that starts again), off with
 * {@code paragraf.files.orphans.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "paragraf.files.orphans.enabled", havingValue = "true", matchIfMissing = true)
class OrphanFileSchedule {

	private static final Logger log = LoggerFactory.getLogger(OrphanFileSchedule.class);

	private final OrphanFiles orphans;

	private final OrphanFileSettings settings;

	OrphanFileSchedule(OrphanFiles orphans, OrphanFileSettings settings) {
		this.orphans = orphans;
		this.settings = settings;
	}

	@Scheduled(cron = "${paragraf.files.orphans.cron:0 40 3 * * *}", zone = Sweden.ZONE_ID)
	@SchedulerLock(name = "operations.orphan-files", lockAtLeastFor = JobLocks.AT_LEAST_FOR)
	void sweep() {
		try {
			this.orphans.sweep(this.settings.grace());
		}
		catch (RuntimeException ex) {
			log.error("The orphan file sweep did not run: {}", ex.getMessage(), ex);
		}
	}

	/** Beside the first requests, not before them: nothing a reader asks for waits on the sweep. */
	@EventListener(ApplicationReadyEvent.class)
	void afterStart() {
		if (this.settings.onStart()) {
			Thread sweeping = new Thread(this::sweep, "paragraf-orphan-sweep");
			sweeping.setDaemon(true);
			sweeping.start();
		}
	}

}
