package se.paragraf.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import se.paragraf.meetings.NoticePublished;
import se.paragraf.proceedings.MinutesCertified;
import se.paragraf.shared.events.EventPublications;
import se.paragraf.shared.security.LoginThrottledException;

/**
 * The domain's own meters: notices published and minutes certified (counted when their transaction
 * commits, so a rolled-back publication counts nothing), the reactions still pending in the event
 * publication registry, and failed sign-ins. Plain listeners, not module listeners: counting must
 * not itself become a recorded publication.
 */
@Component
class OperationsMetrics {

	private final Counter noticesPublished;

	private final Counter minutesCertified;

	private final MeterRegistry registry;

	OperationsMetrics(MeterRegistry registry, EventPublications publications) {
		this.registry = registry;
		this.noticesPublished = Counter.builder("paragraf.notices.published")
			.description("Notice versions published")
			.register(registry);
		this.minutesCertified = Counter.builder("paragraf.minutes.certified")
			.description("Minutes versions certified (sealed)")
			.register(registry);
		// Read from the table on each scrape: it is shared by every node, and a count is cheap.
		Gauge.builder("paragraf.events.pending", publications, p -> p.pending().count())
			.description("Reactions to events (indexing, dispatch, postings) recorded but not yet completed")
			.register(registry);
	}

	@EventListener
	void on(NoticePublished event) {
		afterCommit(this.noticesPublished);
	}

	@EventListener
	void on(MinutesCertified event) {
		afterCommit(this.minutesCertified);
	}

	/** Form login and HTTP Basic alike (and any other way in that publishes failures). */
	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		String reason = event.getException() instanceof LoginThrottledException ? "locked"
				: event.getException() instanceof BadCredentialsException ? "bad_credentials" : "other";
		Counter.builder("paragraf.logins.failed")
			.description("Failed sign-ins; locked: refused because the username or address is locked")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	private static void afterCommit(Counter counter) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			counter.increment();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				counter.increment();
			}
		});
	}

}
