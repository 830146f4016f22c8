package se.paragraf.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import se.paragraf.matters.AttachmentChanged;
import se.paragraf.matters.MatterClassified;
import se.paragraf.matters.MatterRegistered;
import se.paragraf.matters.MatterRetitled;
import se.paragraf.matters.OfficerReportWritten;
import se.paragraf.meetings.MinutesCertified;
import se.paragraf.meetings.NoticePublished;

/**
 * Keeps the index in step with what other modules announce. Each event is handled once its
 * transaction has committed, on the feed's own thread and in a transaction of its own: the source's
 * thread still holds its connection until it has finished, so waiting there for a second one could
 * exhaust the pool under concurrent registrations. A failure is logged and leaves the source's change
 * standing (a rebuild brings the index back in step).
 */
@Component
class SearchFeed {

	private static final Logger log = LoggerFactory.getLogger(SearchFeed.class);

	private final SearchIndexing indexing;

	private final java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors
		.newSingleThreadExecutor(task -> {
			Thread thread = new Thread(task, "search-feed");
			thread.setDaemon(true);
			return thread;
		});

	SearchFeed(SearchIndexing indexing) {
		this.indexing = indexing;
	}

	/** Waits until everything announced so far is in the index. */
	void awaitIdle() {
		try {
			this.worker.submit(() -> { }).get(60, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("The search feed did not finish", ex);
		}
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		this.worker.shutdown();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(MatterRegistered event) {
		matter(event.matterId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(MatterRetitled event) {
		matter(event.matterId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(MatterClassified event) {
		matter(event.matterId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(OfficerReportWritten event) {
		matter(event.matterId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(AttachmentChanged event) {
		matter(event.matterId());
	}

	/** The notice, and the matters it carries: their attachments are public documents now. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(NoticePublished event) {
		run(() -> this.indexing.indexNotice(event.meetingId()), "the notice of meeting " + event.meetingId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(MinutesCertified event) {
		run(() -> this.indexing.indexMinutes(event.meetingId()), "the minutes of meeting " + event.meetingId());
	}

	private void matter(Long matterId) {
		run(() -> this.indexing.indexMatter(matterId), "matter " + matterId);
	}

	private void run(Runnable work, String what) {
		this.worker.execute(() -> {
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				log.error("Indexing {} failed", what, ex);
			}
		});
	}

}
