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
 * transaction has committed, in a transaction of its own; a failure is logged and leaves the
 * source's change standing (a rebuild brings the index back in step).
 */
@Component
class SearchFeed {

	private static final Logger log = LoggerFactory.getLogger(SearchFeed.class);

	private final SearchIndexing indexing;

	SearchFeed(SearchIndexing indexing) {
		this.indexing = indexing;
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
		try {
			this.indexing.indexNotice(event.meetingId());
		}
		catch (RuntimeException ex) {
			log.error("Indexing the notice of meeting {} failed", event.meetingId(), ex);
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(MinutesCertified event) {
		try {
			this.indexing.indexMinutes(event.meetingId());
		}
		catch (RuntimeException ex) {
			log.error("Indexing the minutes of meeting {} failed", event.meetingId(), ex);
		}
	}

	private void matter(Long matterId) {
		try {
			this.indexing.indexMatter(matterId);
		}
		catch (RuntimeException ex) {
			log.error("Indexing matter {} failed", matterId, ex);
		}
	}

}
