package se.paragraf.publication.oparl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

import se.paragraf.publication.oparl.OParlLedger.Current;
import se.paragraf.publication.oparl.OParlLedger.Stamp;
import se.paragraf.publication.oparl.OParlObject.Stamped;
import se.paragraf.publication.oparl.OParlObject.Tombstone;
import se.paragraf.shared.Sweden;

/**
 * Everything Paragraf publishes over OParl, as it is at one request: built by {@link OParlBuilder}
 * from the other modules, limited to what is public, and stamped by the ledger with created,
 * modified and deleted.
 */
final class OParlSnapshot {

	static final ZoneId ZONE = Sweden.ZONE;

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

	private final OParlSources sources;

	/** The OParl root, e.g. https://paragraf.example.se/oparl/v1. */
	private final String base;

	private final OParlBuilder builder;

	private final Map<Kind, Map<String, Entry>> entries = new EnumMap<>(Kind.class);

	private final Map<Kind, Map<String, Stamp>> stamps = new EnumMap<>(Kind.class);

	OParlSnapshot(OParlSources sources, String origin) {
		this.sources = sources;
		this.base = origin + "/oparl/v1";
		this.builder = new OParlBuilder(this, sources, origin);
	}

	String base() {
		return this.base;
	}

	String url(Kind kind, Object key) {
		return this.base + "/" + kind.segment() + "/" + key;
	}

	// ---- answering

	/** The object as served, current or deleted; empty when it never was public. */
	Optional<Object> object(Kind kind, String key) {
		Entry entry = entries(kind).get(key);
		Stamp stamp = stamps(kind).get(key);
		if (stamp == null) {
			return Optional.empty();
		}
		return Optional.of(entry != null ? stamped(entry.object(), stamp) : tombstone(kind, stamp));
	}

	boolean isDeleted(Kind kind, String key) {
		Stamp stamp = stamps(kind).get(key);
		return stamp != null && stamp.deleted();
	}

	/**
	 * One kind's objects in a scope, oldest first, filtered by the created/modified window; deleted
	 * objects only when asked for changes since a moment.
	 */
	List<Object> list(Kind kind, @Nullable Long bodyId, @Nullable Long organizationId, Window window) {
		Map<String, Entry> current = entries(kind);
		List<Object> result = new ArrayList<>();
		stamps(kind).values()
			.stream()
			.sorted(Comparator.comparing(Stamp::created).thenComparing(Stamp::key))
			.forEach(stamp -> {
				Entry entry = current.get(stamp.key());
				boolean inScope = entry != null
						? (bodyId == null || entry.bodyIds().contains(bodyId))
								&& (organizationId == null || entry.organizationIds().contains(organizationId))
						: (bodyId == null || bodyId.equals(stamp.bodyId()))
								&& (organizationId == null || organizationId.equals(stamp.organizationId()));
				if (!inScope || !window.admits(stamp)) {
					return;
				}
				result.add(entry != null ? stamped(entry.object(), stamp) : tombstone(kind, stamp));
			});
		return result;
	}

	private Tombstone tombstone(Kind kind, Stamp stamp) {
		String key = stamp.key();
		return new Tombstone(url(kind, key), kind.type(), dateTime(stamp.created()), dateTime(stamp.modified()),
				this.sources.license, true, kind == Kind.FILE ? url(kind, key) + "/access" : null,
				kind == Kind.AGENDA_ITEM ? Integer.parseInt(key.substring(key.lastIndexOf('-') + 1)) : null);
	}

	private static Stamped stamped(OParlObject object, Stamp stamp) {
		return new Stamped(object, dateTime(stamp.created()), dateTime(stamp.modified()));
	}

	/** Current objects of a kind, stamped, for embedding; deleted objects are never embedded. */
	<T extends OParlObject> List<Stamped> embedded(Kind kind, Class<T> type, Predicate<T> which) {
		Map<String, Stamp> known = stamps(kind);
		return entries(kind).values()
			.stream()
			.filter(e -> which.test(type.cast(e.object())))
			.map(e -> stamped(e.object(), known.get(e.key())))
			.toList();
	}

	@Nullable Stamped embedded(Kind kind, String key) {
		Entry entry = entries(kind).get(key);
		return entry == null ? null : stamped(entry.object(), stamps(kind).get(key));
	}

	// ---- stamping

	private Map<String, Stamp> stamps(Kind kind) {
		Map<String, Stamp> known = this.stamps.get(kind);
		if (known != null) {
			return known;
		}
		List<Current> current = entries(kind).values()
			.stream()
			.map(e -> new Current(e.key(), fingerprint(e.object()), first(e.bodyIds()), first(e.organizationIds()),
					e.created()))
			.toList();
		for (int attempt = 1;; attempt++) {
			try {
				known = this.sources.ledger.sync(kind.name(), current);
				break;
			}
			catch (DataIntegrityViolationException | OptimisticLockingFailureException concurrent) {
				// Another request stamped the same objects at the same moment; its stamps stand.
				if (attempt == 3) {
					throw concurrent;
				}
			}
		}
		this.stamps.put(kind, known);
		return known;
	}

	private static @Nullable Long first(Set<Long> ids) {
		return ids.isEmpty() ? null : ids.iterator().next();
	}

	/**
	 * SHA-256 of the object written as {@link Map#toString()} writes it: the stored fingerprints were
	 * taken when objects were maps, and the same content must keep its fingerprint, or every object's
	 * {@code modified} moves on deploy.
	 */
	private String fingerprint(OParlObject object) {
		Map<?, ?> content = this.sources.json.convertValue(object, LinkedHashMap.class);
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private Map<String, Entry> entries(Kind kind) {
		Map<String, Entry> built = this.entries.get(kind);
		if (built == null) {
			built = new LinkedHashMap<>();
			for (Entry entry : this.builder.build(kind)) {
				built.put(entry.key(), entry);
			}
			this.entries.put(kind, built);
		}
		return built;
	}

	static String dateTime(Instant instant) {
		return DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(ZONE));
	}

	static String dateTime(LocalDateTime local) {
		return DATE_TIME.format(local.truncatedTo(ChronoUnit.SECONDS).atZone(ZONE));
	}

	/** One public object before stamping, with the bodies and boards it belongs to. */
	record Entry(String key, OParlObject object, Set<Long> bodyIds, Set<Long> organizationIds,
			@Nullable Instant created) {
	}

	/** The created/modified window of a list request. */
	record Window(@Nullable Instant createdSince, @Nullable Instant createdUntil, @Nullable Instant modifiedSince,
			@Nullable Instant modifiedUntil) {

		boolean admits(Stamp stamp) {
			if (stamp.deleted() && this.modifiedSince == null) {
				return false;
			}
			Instant created = stamp.created().truncatedTo(ChronoUnit.SECONDS);
			Instant modified = stamp.modified().truncatedTo(ChronoUnit.SECONDS);
			return (this.createdSince == null || !created.isBefore(this.createdSince))
					&& (this.createdUntil == null || !created.isAfter(this.createdUntil))
					&& (this.modifiedSince == null || !modified.isBefore(this.modifiedSince))
					&& (this.modifiedUntil == null || !modified.isAfter(this.modifiedUntil));
		}

	}

}
