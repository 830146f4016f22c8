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
 * Elasticsearch/OpenSearch cluster), counting at most one hit.
 */
@Component
class SearchHealthIndicator extends AbstractHealthIndicator {

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	SearchHealthIndicator(EntityManager entityManager, PlatformTransactionManager transactions) {
		super("The search index does not answer");
		this.entityManager = entityManager;
		this.transactions = new TransactionTemplate(transactions);
		this.transactions.setReadOnly(true);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		this.transactions.executeWithoutResult(status -> Search.session(this.entityManager)
			.search(SearchEntry.class)
			.where(f -> f.matchAll())
			.totalHitCountThreshold(1)
			.fetch(0));
		builder.up();
	}

}
