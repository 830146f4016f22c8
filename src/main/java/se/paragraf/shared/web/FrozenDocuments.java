package se.paragraf.shared.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;


/**
 * Answers for documents that never change once published or certified: tagged by their checksum,
 * cached, and answered with 304 to a conditional request before any content is read.
 */
public final class FrozenDocuments {

	/** A numbered version: it never changes, so caches may keep it for a year without asking. */
	public static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	/** "The newest version": cacheable, but revalidated, since a new version may replace it. */
	public static final CacheControl REVALIDATE = CacheControl.noCache().cachePublic();

	/**
	 * The tag of every kept "newest version" answer. Publishing or certifying anything evicts them all:
	 * such events are rare, and the tag needs no knowledge of which page shows which meeting.
	 */
	public static final String NEWEST_VERSIONS = "meetings-newest";

	/** An official document for members and staff: tagged and revalidated, never kept by a shared cache. */
	public static final CacheControl INTERNAL = CacheControl.noCache().cachePrivate();

	private FrozenDocuments() {
	}

	/** Anonymous readers may get this answer from memory next time; see {@link FrozenResponseCache}. */
	private static void keep(WebRequest request, CacheControl cache) {
		if (cache == INTERNAL) {
			return;
		}
		FrozenResponseCache.remember(request, cache == FOREVER ? null : NEWEST_VERSIONS);
	}

	public static ResponseEntity<String> html(String etagValue, CacheControl cache, WebRequest request, Supplier<String> html) {
		String etag = "\"" + etagValue + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
		}
		keep(request, cache);
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(cache)
			.eTag(etag)
			.body(html.get());
	}

	public static ResponseEntity<byte[]> pdf(String etagValue, String filename, CacheControl cache, WebRequest request,
			Supplier<byte[]> pdf) {
		String etag = "\"" + etagValue + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
		}
		keep(request, cache);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(cache)
			.eTag(etag)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
			.body(pdf.get());
	}

}
