package se.paragraf.proceedings.web;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import se.paragraf.proceedings.MinutesCertified;
import se.paragraf.meetings.NoticePublished;
import se.paragraf.shared.web.FrozenResponseCache;
import se.paragraf.shared.web.FrozenDocuments;

/**
 * A new notice or certified minutes replaces "the newest version" at the public addresses, so the
 * kept answers for those addresses go once the change has committed.
 */
@Component
class NewestVersionEviction {

	private final FrozenResponseCache cache;

	NewestVersionEviction(FrozenResponseCache cache) {
		this.cache = cache;
	}

	// Plain after-commit listeners, not registered publications: the cache is in memory on this node, so
	// a crash loses it along with the eviction, and the next request must not see the old version.
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(NoticePublished event) {
		this.cache.evict(FrozenDocuments.NEWEST_VERSIONS);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(MinutesCertified event) {
		this.cache.evict(FrozenDocuments.NEWEST_VERSIONS);
	}

}
