package se.paragraf.meetings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;

/**
 * Publishes notices in the background: a notice of a large agenda takes seconds to render, longer
 * than a request should wait. One job per meeting version: asking again for the same version (a
 * double click, a retried request) answers with the job already started, not a second one. The
 * jobs live in memory; a restart loses their progress, and the transaction of an unfinished job
 * rolls back, so nothing is half published.
 */
@Service
public class NoticePublishing {

	private static final Logger LOG = LoggerFactory.getLogger(NoticePublishing.class);

	/** How long a finished job's outcome stays readable. */
	private static final Duration KEPT = Duration.ofHours(1);

	private final NoticePublication publication;

	private final MeetingPlanning planning;

	private final Clock clock;

	/** The newest job of each meeting. */
	private final Map<Long, NoticeJob> jobs = new ConcurrentHashMap<>();

	private final ExecutorService runner;

	NoticePublishing(NoticePublication publication, MeetingPlanning planning, Clock clock) {
		this.publication = publication;
		this.planning = planning;
		this.clock = clock;
		AtomicInteger count = new AtomicInteger();
		this.runner = Executors.newFixedThreadPool(2, task -> {
			Thread thread = new Thread(task, "notice-publishing-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@PreDestroy
	void stop() {
		this.runner.shutdownNow();
	}

	/**
	 * Starts publishing the meeting's notice as of {@code expectedVersion}, or answers with the job
	 * that already does. A stale version or a meeting past publishing is refused here, before any
	 * job starts (the job checks again in its own transaction).
	 */
	public NoticeJob start(Long meetingId, long expectedVersion) {
		NoticeJob job;
		synchronized (this.jobs) {
			NoticeJob current = this.jobs.get(meetingId);
			if (current != null && current.getMeetingVersion() == expectedVersion
					&& current.getState() != NoticeJob.State.FAILED) {
				return current;
			}
			if (current != null && current.isRunning()) {
				// Another version is being published; the meeting's version will have moved on.
				throw new StaleVersionException("Meeting", meetingId);
			}
			this.planning.publishable(meetingId, expectedVersion);
			job = new NoticeJob(meetingId, expectedVersion, Instant.now(this.clock));
			this.jobs.put(meetingId, job);
		}
		NoticeJob started = job;
		this.runner.execute(new DelegatingSecurityContextRunnable(() -> run(started)));
		return job;
	}

	/** The meeting's newest job, while it runs and for a while after it ended. */
	public Optional<NoticeJob> current(Long meetingId) {
		NoticeJob job = this.jobs.get(meetingId);
		if (job != null && !job.isRunning() && job.getStarted().plus(KEPT).isBefore(Instant.now(this.clock))) {
			this.jobs.remove(meetingId, job);
			return Optional.empty();
		}
		return Optional.ofNullable(job);
	}

	/** A job of the meeting by its id; an unknown or expired one is not found. */
	public NoticeJob job(Long meetingId, String jobId) {
		return current(meetingId).filter(job -> job.getId().equals(jobId))
			.orElseThrow(() -> new NotFoundException("NoticeJob", meetingId + "/" + jobId));
	}

	private void run(NoticeJob job) {
		try {
			int before = this.publication.latest(job.getMeetingId()).map(Notice::getVersionNumber).orElse(0);
			Notice notice = this.publication.publish(job.getMeetingId(), job.getMeetingVersion(), job);
			// publishing an unchanged notice hands back the newest version instead of making one
			job.done(notice.getVersionNumber(), notice.getVersionNumber() == before);
		}
		catch (StaleVersionException ex) {
			job.failed("common.stale");
		}
		catch (RuleViolation violation) {
			job.failed(violation.code(), violation.arguments());
		}
		catch (RuntimeException | Error ex) {
			LOG.error("Publishing the notice of meeting {} failed", job.getMeetingId(), ex);
			job.failed("notice.job.error");
		}
	}

}
