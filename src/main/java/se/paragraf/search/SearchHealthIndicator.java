package se.paragraf.search;

import jakarta.persistence.EntityManager;

import org.hibernate.search.mapper.orm.Search;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code search} in the health groups: one cheap query against the index (Lucene in-process, or the
 * Elasticsearch/OpenSearch cluster), counting at most one hit; out of service until the startup check
 * of the index ({@link SearchRebuild}) is done.
 */
@Component
class SearchHealthIndicator extends AbstractHealthIndicator {

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	private final SearchRebuild rebuild;

	SearchHealthIndicator(EntityManager entityManager, PlatformTransactionManager transactions, SearchRebuild rebuild) {
		super("The search index does not answer");
		this.entityManager = entityManager;
		this.rebuild = rebuild;
		this.transactions = new TransactionTemplate(transactions);
		this.transactions.setReadOnly(true);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		// Answers may still miss entries while the startup check may be rebuilding the index.
		if (!this.rebuild.startupChecked()) {
			builder.outOfService().withDetail("index", "startup check running");
			return;
		}
		this.transactions.executeWithoutResult(status -> Search.session(this.entityManager)
			.search(SearchEntry.class)
			.where(f -> f.matchAll())
			.totalHitCountThreshold(1)
			.fetch(0));
		builder.up();
	}

}
