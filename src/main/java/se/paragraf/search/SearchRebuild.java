package se.paragraf.search;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Brings the index back in step with the registers: at startup when the entries or the index are
 * missing (a new installation, an index directory lost, an in-memory index), and on an
 * administrator's command.
 */
@Service
public class SearchRebuild {

	private static final Logger log = LoggerFactory.getLogger(SearchRebuild.class);

	private final SearchIndexing indexing;

	private final SearchEntries entries;

	private final EntityManagerFactory entityManagerFactory;

	private final boolean refeedOnStartup;

	SearchRebuild(SearchIndexing indexing, SearchEntries entries, EntityManagerFactory entityManagerFactory,
			@Value("${paragraf.search.refeed-on-startup:false}") boolean refeedOnStartup) {
		this.indexing = indexing;
		this.entries = entries;
		this.entityManagerFactory = entityManagerFactory;
		this.refeedOnStartup = refeedOnStartup;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStartup() {
		boolean refeed = this.refeedOnStartup || this.entries.count() == 0;
		if (refeed) {
			log.info("Search: {} matters fed into the index", this.indexing.refeedAll());
		}
		if (refeed || indexedDocuments() < this.entries.count()) {
			reindex();
		}
	}

	/** Every entry derived anew from matters and meetings, then the whole index rewritten. */
	public int rebuild() {
		int matters = this.indexing.refeedAll();
		reindex();
		return matters;
	}

	private long indexedDocuments() {
		try (var entityManager = this.entityManagerFactory.createEntityManager()) {
			return Search.session(entityManager).search(SearchEntry.class).where(f -> f.matchAll()).fetchTotalHitCount();
		}
	}

	private void reindex() {
		try {
			Search.mapping(this.entityManagerFactory)
				.scope(SearchEntry.class)
				.massIndexer()
				.threadsToLoadObjects(1)
				.batchSizeToLoadObjects(100)
				.startAndWait();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
