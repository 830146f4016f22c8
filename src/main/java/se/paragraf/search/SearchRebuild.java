package se.paragraf.search;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
 * <p>
 * The startup check runs beside the first requests, not before them (unless
 * {@code paragraf.search.startup-check-in-background=false}): on an existing database it finds the
 * index in step, and the pages need not wait for it. Until it is done, {@code search} in the health
 * groups is OUT_OF_SERVICE, so readiness keeps a node out of the load balancer while it may still be
 * rebuilding its index.
 */
@Service
public class SearchRebuild {

	private static final Logger log = LoggerFactory.getLogger(SearchRebuild.class);

	private final SearchIndexing indexing;

	private final SearchEntries entries;

	private final EntityManagerFactory entityManagerFactory;

	private final boolean refeedOnStartup;

	private final boolean inBackground;

	private final CountDownLatch startupChecked = new CountDownLatch(1);

	SearchRebuild(SearchIndexing indexing, SearchEntries entries, EntityManagerFactory entityManagerFactory,
			@Value("${paragraf.search.refeed-on-startup:false}") boolean refeedOnStartup,
			@Value("${paragraf.search.startup-check-in-background:true}") boolean inBackground) {
		this.indexing = indexing;
		this.entries = entries;
		this.entityManagerFactory = entityManagerFactory;
		this.refeedOnStartup = refeedOnStartup;
		this.inBackground = inBackground;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStartup() {
		if (!this.inBackground) {
			checkAtStartup();
			return;
		}
		Thread check = new Thread(() -> {
			try {
				checkAtStartup();
			}
			catch (RuntimeException ex) {
				// Stopped while checking (a command run, a test), or the index failed: health says which.
				log.warn("Search: the startup check of the index did not finish: {}", ex.toString());
			}
		}, "paragraf-search-startup");
		check.setDaemon(true);
		check.start();
	}

	/** Whether the startup check (and any rebuild it started) is done; search health is out of service until then. */
	boolean startupChecked() {
		return this.startupChecked.getCount() == 0;
	}

	/** Waits at most {@code timeout} for the startup check; true when it is done. */
	public boolean awaitStartupCheck(Duration timeout) throws InterruptedException {
		return this.startupChecked.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void checkAtStartup() {
		try {
			refeedOrReindexIfBehind();
		}
		finally {
			this.startupChecked.countDown();
		}
	}

	private void refeedOrReindexIfBehind() {
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
