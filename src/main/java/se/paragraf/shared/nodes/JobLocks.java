package se.paragraf.shared.nodes;

/**
 * How long a scheduled job's lock is kept after the job finished, for
 * {@code @SchedulerLock(name = ..., lockAtLeastFor = JobLocks.AT_LEAST_FOR)} on every
 * {@code @Scheduled} method: longer than the nodes' clocks may disagree on when a job is due, so a
 * node whose timer fires a few seconds after another's finds the job still locked and skips it. A job
 * due more often than this would be skipped every other time: Paragraf's run hourly or daily.
 */
public final class JobLocks {

	public static final String AT_LEAST_FOR = "PT1M";

	private JobLocks() {
	}

}
