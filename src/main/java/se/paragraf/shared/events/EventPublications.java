package se.paragraf.shared.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

/**
 * The reactions to events (search indexing, dispatch, notice-board postings) still to be done: Spring
 * Modulith's registry records each one in the publishing transaction and removes it when its listener
 * has completed. What is left after a failure or a crash is resubmitted at start and on an
 * administrator's command. Also knows the listener work running on this node, so tests can wait
 * for it.
 */
@Service
public class EventPublications {

	/**
	 * A publication this young may still be on its way through the executor; resubmitting it
	 * would only run it twice (harmless, since handlers are idempotent, but pointless).
	 */
	static final Duration IN_FLIGHT = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final IncompleteEventPublications incomplete;

	private final Clock clock;

	private final AtomicInteger running = new AtomicInteger();

	EventPublications(JdbcClient jdbc, IncompleteEventPublications incomplete, Clock clock) {
		this.jdbc = jdbc;
		this.incomplete = incomplete;
		this.clock = clock;
	}

	/** How many reactions are pending and when the oldest was published. */
	public record Pending(long count, @Nullable Instant oldest) {
	}

	public Pending pending() {
		return this.jdbc
			.sql("select count(*), min(publication_date) from event_publication where completion_date is null")
			.query((rs, row) -> {
				OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
				return new Pending(rs.getLong(1), oldest == null ? null : oldest.toInstant());
			})
			.single();
	}

	/**
	 * Hands every failed publication, and every other one older than a minute, to its listener again;
	 * returns how many.
	 */
	public int resubmit() {
		// Chosen by the table's own status: the registry's view of an incomplete publication does not
		// tell a failed one from one still on its way.
		Set<UUID> due = Set.copyOf(this.jdbc
			.sql("select id from event_publication where completion_date is null and (status = 'FAILED' or publication_date < ?)")
			.param(OffsetDateTime.ofInstant(this.clock.instant().minus(IN_FLIGHT), ZoneOffset.UTC))
			.query(UUID.class)
			.list());
		AtomicInteger count = new AtomicInteger();
		this.incomplete.resubmitIncompletePublications(publication -> {
			boolean resubmit = due.contains(publication.getIdentifier());
			if (resubmit) {
				count.incrementAndGet();
			}
			return resubmit;
		});
		return count.get();
	}

	/**
	 * Waits until no listener work runs or waits on this node (the work handed to the executor when
	 * a transaction commits); false if it did not finish in time.
	 */
	public boolean awaitIdle(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.running.get() > 0) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	/**
	 * Wraps a task for the application executor: it runs as the user whose commit handed it over
	 * (history and dispatch records name them, as when listeners ran on the request's thread), and it
	 * counts as running from hand-over to end.
	 */
	Runnable decorate(Runnable task) {
		Runnable secured = DelegatingSecurityContextRunnable.create(task, null);
		this.running.incrementAndGet();
		return () -> {
			try {
				secured.run();
			}
			finally {
				this.running.decrementAndGet();
			}
		};
	}

}
