package se.paragraf.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves anonymous readers from memory, ahead of security and the dispatcher: published and certified
 * documents, the rendered {@link PublicPage}s, and fingerprinted {@link StaticAssets} (to everyone).
 * <p>
 * <b>Documents.</b> A controller opts a response in with {@link #remember}; the first anonymous answer
 * is kept, byte for byte with its headers, and later anonymous requests for the same address get it
 * (or 304) without a database round trip. A document that "the newest version" may replace carries a
 * tag; evicting the tag drops it, and a tag's generation counter keeps a request that read the old
 * version before the eviction from storing it afterwards. Eviction reaches only this node, so a tagged
 * answer is also kept no longer than a short time to live: another node's publication shows within
 * that time. A document's address is its path: these documents do not read query parameters, and a
 * query string must not let anyone fill the memory with copies of one document.
 * <p>
 * <b>Pages.</b> A public page's (or an OParl answer's) anonymous answer ({@link #rememberPage}) is kept for as long as it
 * tells a shared cache it may be (its max-age), under its path, query string and chosen language, in
 * a store of its own so that pages never push documents out. Any committed change to what public pages
 * show drops every kept page ({@link #evictPages}); on another node the max-age bounds how long it is
 * seen, exactly as for a CDN. A replayed page says its age ({@code Age}). Requests that miss a page
 * while another request renders it wait for that answer (single flight), so a burst of readers right
 * after an eviction renders the page once, not once per reader.
 * <p>
 * Only anonymous requests (no session cookie, no Authorization header) are served or captured, so a
 * signed-in user's page is never kept and never handed to someone else; a response that sets a
 * cookie, or for which a session was made, is never kept. The scheme counts too: an answer over https
 * carries HSTS, one over plain http must not, and each is replayed only over its own.
 */
public class FrozenResponseCache extends OncePerRequestFilter {

	private static final String TAG = FrozenResponseCache.class.getName() + ".tag";

	private static final String PAGE_MAX_AGE = FrozenResponseCache.class.getName() + ".page";

	private static final String UNTAGGED = "";

	private static final List<String> NOT_REPLAYED = List.of(HttpHeaders.CONTENT_LENGTH, HttpHeaders.DATE,
			HttpHeaders.SET_COOKIE, HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CONNECTION, HttpHeaders.AGE, "X-Request-Id");

	private final Cache<String, Entry> entries;

	/** Rendered public pages, or null when a CDN does that work. */
	private final @Nullable Cache<String, Entry> pages;

	private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

	/** Pages being rendered now, by key: a request for one of them waits for that answer instead. */
	private final Map<String, CompletableFuture<@Nullable Entry>> rendering = new ConcurrentHashMap<>();

	/** Addresses kept as pages before (a bounded number, the most recent): only they render in a single flight. */
	private final Cache<String, Boolean> knownPages = Caffeine.newBuilder().maximumSize(10_000).build();

	/** How long a request waits for another one rendering the same page before it renders its own. */
	private final long singleFlightWaitNanos = Duration.ofSeconds(5).toNanos();

	/** Moves with every change that public pages may show; a page rendered across a move is not kept. */
	private final AtomicLong pageGeneration = new AtomicLong();

	private final long newestTtlNanos;

	private final LongSupplier nanoTime;

	public FrozenResponseCache(DataSize capacity, Duration newestTtl) {
		this(capacity, newestTtl, null, System::nanoTime);
	}

	/** With {@code pageCapacity} null, public pages are not kept. */
	public FrozenResponseCache(DataSize capacity, Duration newestTtl, @Nullable DataSize pageCapacity) {
		this(capacity, newestTtl, pageCapacity, System::nanoTime);
	}

	FrozenResponseCache(DataSize capacity, Duration newestTtl, LongSupplier nanoTime) {
		this(capacity, newestTtl, null, nanoTime);
	}

	FrozenResponseCache(DataSize capacity, Duration newestTtl, @Nullable DataSize pageCapacity, LongSupplier nanoTime) {
		this.entries = Caffeine.newBuilder()
			.maximumWeight(capacity.toBytes())
			.weigher((String key, Entry entry) -> entry.body().length + key.length())
			.build();
		this.pages = pageCapacity == null ? null : Caffeine.newBuilder()
			.maximumWeight(pageCapacity.toBytes())
			.weigher((String key, Entry entry) -> entry.body().length + key.length())
			.expireAfter(new MaxAge())
			.ticker(nanoTime::getAsLong)
			.recordStats()
			.build();
		this.newestTtlNanos = newestTtl.toNanos();
		this.nanoTime = nanoTime;
	}

	/**
	 * Lets the anonymous answer to this request be kept. {@code tag} names what may replace it (for
	 * example "meeting-12" for a meeting's newest notice), or null for a numbered version that never
	 * changes.
	 */
	public static void remember(WebRequest request, @Nullable String tag) {
		request.setAttribute(TAG, tag == null ? UNTAGGED : tag, RequestAttributes.SCOPE_REQUEST);
	}

	/**
	 * Lets the anonymous answer to this public page be kept for {@code maxAge}, as a shared cache may
	 * keep it. Only for an answer that is the same for every anonymous reader of this address.
	 */
	public static void rememberPage(HttpServletRequest request, Duration maxAge) {
		request.setAttribute(PAGE_MAX_AGE, maxAge);
	}

	/** Whether this request's answer was let be kept as a page ({@link #rememberPage}). */
	static boolean isPageRemembered(HttpServletRequest request) {
		return request.getAttribute(PAGE_MAX_AGE) instanceof Duration;
	}

	/** Drops every kept answer carrying the tag: a newer version has been published. */
	public void evict(String tag) {
		generation(tag).incrementAndGet();
		this.entries.asMap().values().removeIf(entry -> entry.tag().equals(tag));
	}

	/** Drops every kept page: something a public page may show has changed. */
	public void evictPages() {
		this.pageGeneration.incrementAndGet();
		if (this.pages != null) {
			this.pages.invalidateAll();
		}
	}

	/**
	 * A count that moves with every committed change to Paragraf's records on this node (sign-in
	 * bookkeeping and the audit trail aside), whether or not pages are kept: a value derived from the
	 * records and remembered with this count is current while the count has not moved.
	 */
	public long changes() {
		return this.pageGeneration.get();
	}

	/** How often kept pages were served (hits) or had to be rendered (misses); zero when pages are not kept. */
	public CacheStats pageStats() {
		return this.pages == null ? CacheStats.empty() : this.pages.stats();
	}

	/**
	 * Replays a kept fingerprinted asset (see {@link AssetValve}); false when this request is not for
	 * one or it is not kept yet, and the request must take the ordinary way.
	 */
	boolean replayAsset(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!StaticAssets.isAsset(path)) {
			return false;
		}
		// Only fingerprinted assets are ever kept (StaticAssets.Caching), so a hit is one.
		Entry kept = this.entries.getIfPresent(key(request));
		if (kept == null || !kept.tag().equals(UNTAGGED)) {
			return false;
		}
		kept.replay(request, response, null);
		return true;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isAnonymousRead(request)) {
			chain.doFilter(request, response);
			return;
		}
		String key = key(request);
		String language = StaticAssets.isAsset(request.getRequestURI().substring(request.getContextPath().length()))
				? null : languageChosen(request);
		Entry kept = language == null ? this.entries.getIfPresent(key) : null;
		if (kept != null && !kept.tag().equals(UNTAGGED)
				&& this.nanoTime.getAsLong() - kept.storedAt() > this.newestTtlNanos) {
			this.entries.invalidate(key);
			kept = null;
		}
		if (kept != null) {
			kept.replay(request, response, null);
			return;
		}
		// Inside a caller's transaction (a test's), a page may show what that transaction has not committed.
		String pageKey = this.pages == null || HtmxRequests.isHtmx(request)
				|| TransactionSynchronizationManager.isActualTransactionActive() ? null : pageKey(request, language);
		if (pageKey != null) {
			Entry page = this.pages.getIfPresent(pageKey);
			// A page kept while an eviction ran is as old as the eviction's data: not served.
			if (page != null && page.generation() == this.pageGeneration.get()) {
				page.replay(request, response, (this.nanoTime.getAsLong() - page.storedAt()) / 1_000_000_000L);
				return;
			}
		}
		// Single flight: while one request renders a page, others for the same page wait for its answer.
		// Only for addresses that were kept as pages before: a document or an asset never waits.
		CompletableFuture<@Nullable Entry> rendering = null;
		if (pageKey != null && this.knownPages.getIfPresent(pageKey) != null) {
			rendering = new CompletableFuture<>();
			CompletableFuture<@Nullable Entry> other = this.rendering.putIfAbsent(pageKey, rendering);
			if (other != null) {
				rendering = null;
				Entry page = awaitOther(other);
				if (page != null && page.generation() == this.pageGeneration.get()) {
					page.replay(request, response, (this.nanoTime.getAsLong() - page.storedAt()) / 1_000_000_000L);
					return;
				}
			}
		}
		Map<String, Long> generationsAtStart = snapshotGenerations();
		long pageGenerationAtStart = this.pageGeneration.get();
		ContentCachingResponseWrapper capturing = new ContentCachingResponseWrapper(response);
		Entry keptPage = null;
		try {
			chain.doFilter(request, capturing);
			if (language == null) {
				keepIfAllowed(key, request, capturing, generationsAtStart);
			}
			if (pageKey != null) {
				keptPage = keepPageIfAllowed(pageKey, request, capturing, pageGenerationAtStart);
			}
		}
		finally {
			if (rendering != null) {
				// Waiting requests get the kept page, or render their own when this one was not kept.
				this.rendering.remove(pageKey, rendering);
				rendering.complete(keptPage);
			}
			capturing.copyBodyToResponse();
		}
	}

	/** The page another request is rendering, or null if it was not kept or takes too long. */
	private @Nullable Entry awaitOther(CompletableFuture<@Nullable Entry> other) {
		try {
			return other.get(this.singleFlightWaitNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException | TimeoutException ex) {
			return null;
		}
	}

	private void keepIfAllowed(String key, HttpServletRequest request, ContentCachingResponseWrapper response,
			Map<String, Long> generationsAtStart) {
		if (!(request.getAttribute(TAG) instanceof String tag) || !isKeepable(request, response)) {
			return;
		}
		long generationNow = generation(tag).get();
		if (!tag.equals(UNTAGGED) && generationNow != generationsAtStart.getOrDefault(tag, 0L)) {
			return;
		}
		this.entries.put(key, Entry.of(tag, response, 0, 0, this.nanoTime.getAsLong()));
	}

	/** The page as kept, or null when it may not be kept. */
	private @Nullable Entry keepPageIfAllowed(String key, HttpServletRequest request,
			ContentCachingResponseWrapper response, long generationAtStart) {
		if (this.pages == null || request.getAttribute(TAG) != null
				|| !(request.getAttribute(PAGE_MAX_AGE) instanceof Duration maxAge) || maxAge.isZero()
				|| !isKeepable(request, response) || request.getSession(false) != null) {
			return null;
		}
		// Rendered from data that changed while it rendered: the next request renders anew.
		if (this.pageGeneration.get() != generationAtStart) {
			return null;
		}
		Entry page = Entry.of(UNTAGGED, response, maxAge.toNanos(), generationAtStart, this.nanoTime.getAsLong());
		this.pages.put(key, page);
		this.knownPages.put(key, Boolean.TRUE);
		return page;
	}

	private static boolean isKeepable(HttpServletRequest request, HttpServletResponse response) {
		return response.getStatus() == 200 && !response.containsHeader(HttpHeaders.SET_COOKIE)
				&& "GET".equals(request.getMethod());
	}

	private Map<String, Long> snapshotGenerations() {
		Map<String, Long> snapshot = new java.util.HashMap<>();
		this.generations.forEach((tag, counter) -> snapshot.put(tag, counter.get()));
		return snapshot;
	}

	private AtomicLong generation(String tag) {
		return this.generations.computeIfAbsent(tag, t -> new AtomicLong());
	}

	private static boolean isAnonymousRead(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return false;
		}
		// An asset is the same for everyone, signed in or not.
		if (StaticAssets.isAsset(request.getRequestURI().substring(request.getContextPath().length()))) {
			return true;
		}
		if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			return false;
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if ("JSESSIONID".equals(cookie.getName())) {
					return false;
				}
			}
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/public/") || path.startsWith("/oparl/");
	}

	/** The language a visitor chose (its cookie), or null for the default. */
	private static @Nullable String languageChosen(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (WebConfiguration.LANGUAGE_COOKIE.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	private static String key(HttpServletRequest request) {
		return request.isSecure() ? "https:" + request.getRequestURI() : request.getRequestURI();
	}

	/**
	 * A page reads its query (filters, search words) and renders in the reader's language; the host
	 * counts as for any shared cache, so a forged Host header can only reach its own copy.
	 */
	private static String pageKey(HttpServletRequest request, @Nullable String language) {
		StringBuilder key = new StringBuilder(96);
		if (language != null) {
			key.append(language).append('|');
		}
		key.append(request.getScheme()).append("://").append(request.getServerName()).append(':')
			.append(request.getServerPort()).append(request.getRequestURI());
		String query = request.getQueryString();
		if (query != null) {
			key.append('?').append(query);
		}
		return key.toString();
	}

	/** Each page for its own max-age from when it was kept. */
	private static final class MaxAge implements Expiry<String, Entry> {

		@Override
		public long expireAfterCreate(String key, Entry entry, long currentTime) {
			return entry.maxAgeNanos();
		}

		@Override
		public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
			return entry.maxAgeNanos();
		}

		@Override
		public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

	private record Entry(String tag, @Nullable String contentType, @Nullable String etag, List<String[]> headers,
			byte[] body, long maxAgeNanos, long generation, long storedAt) {

		static Entry of(String tag, ContentCachingResponseWrapper response, long maxAgeNanos, long generation,
				long now) {
			List<String[]> headers = new ArrayList<>();
			for (String name : response.getHeaderNames()) {
				if (NOT_REPLAYED.stream().noneMatch(name::equalsIgnoreCase)) {
					for (String value : response.getHeaders(name)) {
						headers.add(new String[] { name, value });
					}
				}
			}
			return new Entry(tag, response.getContentType(), response.getHeader(HttpHeaders.ETAG), List.copyOf(headers),
					response.getContentAsByteArray(), maxAgeNanos, generation, now);
		}

		/** {@code ageSeconds} for a page, so that a cache in front keeps it no longer than its max-age in all. */
		void replay(HttpServletRequest request, HttpServletResponse response, @Nullable Long ageSeconds)
				throws IOException {
			for (String[] header : this.headers) {
				response.addHeader(header[0], header[1]);
			}
			if (ageSeconds != null) {
				response.setHeader(HttpHeaders.AGE, String.valueOf(ageSeconds));
			}
			if (this.etag != null && this.etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
				response.setStatus(304);
				return;
			}
			if (this.contentType != null) {
				response.setContentType(this.contentType);
			}
			response.setContentLength(this.body.length);
			if (!"HEAD".equals(request.getMethod())) {
				response.getOutputStream().write(this.body);
			}
		}

	}

}
