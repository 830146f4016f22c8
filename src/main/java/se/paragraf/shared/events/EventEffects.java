package se.paragraf.shared.events;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a replayed event must not do twice. A handler with an effect outside the database (an
 * e-mail) or one a replay would repeat (a posting) claims the effect's key before acting, in its
 * own transaction: the claim and the handler's changes commit together, a failed handler leaves the
 * key free for the retry, and a second claim (a replay, or a parallel resubmission waiting on the
 * key's lock) finds it taken.
 */
@Service
public class EventEffects {

	private final JdbcClient jdbc;

	private final Clock clock;

	EventEffects(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** True the first time a key is claimed; false when it was claimed before. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean claim(String key) {
		return this.jdbc.sql("insert into event_effect (effect_key, done_at) values (?, ?) on conflict do nothing")
			.params(key, OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update() == 1;
	}

}
