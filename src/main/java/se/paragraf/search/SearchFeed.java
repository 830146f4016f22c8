package se.paragraf.search;

import java.time.Duration;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import se.paragraf.matters.AttachmentChanged;
import se.paragraf.matters.MatterClassified;
import se.paragraf.matters.MatterRegistered;
import se.paragraf.matters.MatterRetitled;
import se.paragraf.matters.OfficerReportWritten;
import se.paragraf.proceedings.MinutesCertified;
import se.paragraf.meetings.NoticePublished;
import se.paragraf.shared.events.EventPublications;

/**
 * Keeps the index in step with what other modules announce. Each event is a registered publication
 * handled once its transaction has committed, on the application task executor and in a transaction
 * of its own (the source's thread still holds its connection, so waiting there for a second one
 * could exhaust the pool under concurrent registrations). A failure leaves the publication
 * incomplete, to be resubmitted; indexing is idempotent, so a replay only writes the same entry again.
 */
@Component
class SearchFeed {

	private final SearchIndexing indexing;

	private final EventPublications publications;

	SearchFeed(SearchIndexing indexing, EventPublications publications) {
		this.indexing = indexing;
		this.publications = publications;
	}

	/** Waits until everything announced so far is in the index. */
	void awaitIdle() {
		if (!this.publications.awaitIdle(Duration.ofSeconds(60))) {
			throw new IllegalStateException("The search feed did not finish");
		}
	}

	@ApplicationModuleListener
	void on(MatterRegistered event) {
		this.indexing.indexMatter(event.matterId());
	}

	@ApplicationModuleListener
	void on(MatterRetitled event) {
		this.indexing.indexMatter(event.matterId());
	}

	@ApplicationModuleListener
	void on(MatterClassified event) {
		this.indexing.indexMatter(event.matterId());
	}

	@ApplicationModuleListener
	void on(OfficerReportWritten event) {
		this.indexing.indexMatter(event.matterId());
	}

	@ApplicationModuleListener
	void on(AttachmentChanged event) {
		this.indexing.indexMatter(event.matterId());
	}

	/** The notice, and the matters it carries: their attachments are public documents now. */
	@ApplicationModuleListener
	void on(NoticePublished event) {
		this.indexing.indexNotice(event.meetingId());
	}

	@ApplicationModuleListener
	void on(MinutesCertified event) {
		this.indexing.indexMinutes(event.meetingId());
	}

}
