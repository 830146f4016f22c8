package se.paragraf.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves published and certified documents to anonymous readers from memory, ahead of security and
 * the dispatcher, and fingerprinted {@link StaticAssets} to everyone. A controller opts a response in with {@link #remember}; the first anonymous answer
 * is kept, byte for byte with its headers, and later anonymous requests for the same address get it
 * (or 304) without a database round trip.
 * <p>
 * Only anonymous requests (no session cookie, no Authorization header) are served or captured, so a
 * signed-in user's page is never kept and never handed to someone else; a response that sets a
 * cookie is never kept. A document that "the newest version" may replace carries a tag; evicting the
 * tag drops it, and a tag's generation counter keeps a request that read the old version before the
 * eviction from storing it afterwards. Eviction reaches only this node, so a tagged answer is also
 * kept no longer than a short time to live: another node's publication shows within that time.
 * <p>
 * An address is its path: these documents do not read query parameters, and a query string must not
 * let anyone fill the memory with copies of one document. The scheme counts too: an answer over
 * https carries HSTS, one over plain http must not, and each is replayed only over its own.
 */
public class FrozenResponseCache extends OncePerRequestFilter {

	private static final String TAG = FrozenResponseCache.class.getName() + ".tag";

	private static final String UNTAGGED = "";

	private static final List<String> NOT_REPLAYED = List.of(HttpHeaders.CONTENT_LENGTH, HttpHeaders.DATE,
			HttpHeaders.SET_COOKIE, HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CONNECTION, "X-Request-Id");

	private final Cache<String, Entry> entries;

	private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

	private final long newestTtlNanos;

	private final LongSupplier nanoTime;

	public FrozenResponseCache(DataSize capacity, Duration newestTtl) {
		this(capacity, newestTtl, System::nanoTime);
	}

	FrozenResponseCache(DataSize capacity, Duration newestTtl, LongSupplier nanoTime) {
		this.entries = Caffeine.newBuilder()
			.maximumWeight(capacity.toBytes())
			.weigher((String key, Entry entry) -> entry.body().length + key.length())
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

	/** Drops every kept answer carrying the tag: a newer version has been published. */
	public void evict(String tag) {
		generation(tag).incrementAndGet();
		this.entries.asMap().values().removeIf(entry -> entry.tag().equals(tag));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isAnonymousRead(request)) {
			chain.doFilter(request, response);
			return;
		}
		String key = key(request);
		Entry kept = this.entries.getIfPresent(key);
		if (kept != null && !kept.tag().equals(UNTAGGED)
				&& this.nanoTime.getAsLong() - kept.storedAt() > this.newestTtlNanos) {
			this.entries.invalidate(key);
			kept = null;
		}
		if (kept != null) {
			kept.replay(request, response);
			return;
		}
		Map<String, Long> generationsAtStart = snapshotGenerations();
		ContentCachingResponseWrapper capturing = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, capturing);
			keepIfAllowed(key, request, capturing, generationsAtStart);
		}
		finally {
			capturing.copyBodyToResponse();
		}
	}

	private void keepIfAllowed(String key, HttpServletRequest request, ContentCachingResponseWrapper response,
			Map<String, Long> generationsAtStart) {
		if (!(request.getAttribute(TAG) instanceof String tag) || response.getStatus() != 200
				|| response.containsHeader(HttpHeaders.SET_COOKIE) || !"GET".equals(request.getMethod())) {
			return;
		}
		long generationNow = generation(tag).get();
		if (!tag.equals(UNTAGGED) && generationNow != generationsAtStart.getOrDefault(tag, 0L)) {
			return;
		}
		List<String[]> headers = new ArrayList<>();
		for (String name : response.getHeaderNames()) {
			if (NOT_REPLAYED.stream().noneMatch(name::equalsIgnoreCase)) {
				for (String value : response.getHeaders(name)) {
					headers.add(new String[] { name, value });
				}
			}
		}
		this.entries.put(key, new Entry(tag, response.getContentType(), response.getHeader(HttpHeaders.ETAG),
				List.copyOf(headers), response.getContentAsByteArray(), this.nanoTime.getAsLong()));
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
				if ("JSESSIONID".equals(cookie.getName()) || WebConfiguration.LANGUAGE_COOKIE.equals(cookie.getName())) {
					return false;
				}
			}
		}
		return request.getRequestURI().startsWith(request.getContextPath() + "/public/");
	}

	private static String key(HttpServletRequest request) {
		return request.isSecure() ? "https:" + request.getRequestURI() : request.getRequestURI();
	}

	private record Entry(String tag, @Nullable String contentType, @Nullable String etag, List<String[]> headers,
			byte[] body, long storedAt) {

		void replay(HttpServletRequest request, HttpServletResponse response) throws IOException {
			for (String[] header : this.headers) {
				response.addHeader(header[0], header[1]);
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
