package se.paragraf.shared.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import se.paragraf.shared.NotFoundException;

/**
 * Records by their ids, in one read whose plan is kept.
 *
 * <p>Hibernate's multi-load sends the ids as one array parameter, so the statement is the same for any number
 * of ids, and records the session already holds are not read again. A query with {@code in :ids} (and
 * {@code findAllById}, a criteria query) was translated anew on every call, and binding the list made
 * Hibernate build and throw away an exception: 15 % of the secretary's meeting page (issue 12).
 */
public final class ByIds {

	private ByIds() {
	}

	/** The records with these ids, by id; {@link NotFoundException} naming the first that does not exist. */
	public static <E> Map<Long, E> load(EntityManager entityManager, Class<E> type, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		List<Long> wanted = List.copyOf(new LinkedHashSet<>(ids));
		// In the order asked, with null where there is none.
		List<E> found = entityManager.unwrap(Session.class).findMultiple(type, wanted);
		Map<Long, E> byId = new HashMap<>();
		for (int i = 0; i < wanted.size(); i++) {
			E record = found.get(i);
			if (record == null) {
				throw new NotFoundException(type.getSimpleName(), wanted.get(i));
			}
			byId.put(wanted.get(i), record);
		}
		return byId;
	}

}
