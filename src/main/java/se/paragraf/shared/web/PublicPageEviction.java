package se.paragraf.shared.web;

import org.hibernate.Interceptor;
import org.hibernate.type.Type;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Drops the kept public pages once a transaction that wrote to the records commits: a published notice,
 * certified minutes, a notice-board posting, a new or reclassified matter, a rescheduled meeting, a
 * renamed board all change what some public page shows, and which pages a change touches is not worth
 * knowing (pages render again on their next request). Watching every write, not a list of domain
 * events, means a change that publishes no event (a meeting planned, an organisation renamed) is not
 * missed.
 * <p>
 * Sign-in bookkeeping (accounts, failed sign-ins, their log) and the audit trail show on no public page
 * and are written on sign-in, so they do not count. Another node's kept pages go after their max-age.
 */
final class PublicPageEviction implements Interceptor {

	/** Packages whose records no public page shows. */
	private static final String[] NOT_PUBLIC = { "se.paragraf.shared.security.", "se.paragraf.shared.audit." };

	private final FrozenResponseCache cache;

	PublicPageEviction(FrozenResponseCache cache) {
		this.cache = cache;
	}

	@Override
	public boolean onPersist(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
		changed(entity);
		return false;
	}

	@Override
	public boolean onFlushDirty(Object entity, Object id, Object[] currentState, Object[] previousState,
			String[] propertyNames, Type[] types) {
		changed(entity);
		return false;
	}

	@Override
	public void onRemove(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
		changed(entity);
	}

	@Override
	public void onCollectionRecreate(Object collection, Object key) {
		changed(owner(collection));
	}

	@Override
	public void onCollectionRemove(Object collection, Object key) {
		changed(owner(collection));
	}

	@Override
	public void onCollectionUpdate(Object collection, Object key) {
		changed(owner(collection));
	}

	private static Object owner(Object collection) {
		return collection instanceof org.hibernate.collection.spi.PersistentCollection<?> persistent
				&& persistent.getOwner() != null ? persistent.getOwner() : collection;
	}

	private void changed(Object entity) {
		String type = entity.getClass().getName();
		if (!type.startsWith("se.paragraf.")) {
			return;
		}
		for (String excluded : NOT_PUBLIC) {
			if (type.startsWith(excluded)) {
				return;
			}
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.cache.evictPages();
			return;
		}
		// Once per transaction, after it commits: a page rendered before then still read the old data, and
		// the cache's generation keeps a page that was rendering across the commit from being kept.
		if (TransactionSynchronizationManager.getSynchronizations().stream().noneMatch(EvictAfterCommit.class::isInstance)) {
			TransactionSynchronizationManager.registerSynchronization(new EvictAfterCommit());
		}
	}

	private final class EvictAfterCommit implements TransactionSynchronization {

		@Override
		public void afterCommit() {
			PublicPageEviction.this.cache.evictPages();
		}

	}

}
