package se.paragraf.publication.oparl;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the OParl stamps in step with what is public now: new content moves an object's
 * {@code modified}, an object that is no longer public becomes deleted (and stays answerable), and
 * one that comes back is undeleted. Called with the whole current set of a kind, so that what has
 * gone can be seen.
 */
@Service
class OParlLedger {

	private final OParlStamps stamps;

	private final Clock clock;

	OParlLedger(OParlStamps stamps, Clock clock) {
		this.stamps = stamps;
		this.clock = clock;
	}

	@Transactional
	Map<String, Stamp> sync(String kind, Collection<Current> current) {
		Instant now = Instant.now(this.clock);
		Map<String, OParlStamp> known = this.stamps.findByKind(kind)
			.stream()
			.collect(Collectors.toMap(OParlStamp::getKey, Function.identity()));
		List<OParlStamp> changed = new ArrayList<>();
		Map<String, Current> present = new LinkedHashMap<>();
		for (Current object : current) {
			present.put(object.key(), object);
			OParlStamp stamp = known.get(object.key());
			if (stamp == null) {
				Instant created = object.created() != null && object.created().isBefore(now) ? object.created() : now;
				stamp = new OParlStamp(kind, object.key(), object.fingerprint(), object.bodyId(),
						object.organizationId(), created, now);
				known.put(object.key(), stamp);
				changed.add(stamp);
			}
			else if (stamp.observe(object.fingerprint(), object.bodyId(), object.organizationId(), now)) {
				changed.add(stamp);
			}
		}
		for (OParlStamp stamp : known.values()) {
			if (!present.containsKey(stamp.getKey()) && stamp.disappear(now)) {
				changed.add(stamp);
			}
		}
		this.stamps.saveAllAndFlush(changed);
		Map<String, Stamp> result = new LinkedHashMap<>();
		known.values()
			.forEach(s -> result.put(s.getKey(), new Stamp(s.getKey(), s.getCreated(), s.getModified(), s.isDeleted(),
					s.getBodyId(), s.getOrganizationId())));
		return result;
	}

	/** An object as it is public now: its key, a fingerprint of its content, where it belongs. */
	record Current(String key, String fingerprint, @Nullable Long bodyId, @Nullable Long organizationId,
			@Nullable Instant created) {
	}

	/** What the ledger knows of an object. */
	record Stamp(String key, Instant created, Instant modified, boolean deleted, @Nullable Long bodyId,
			@Nullable Long organizationId) {
	}

}
