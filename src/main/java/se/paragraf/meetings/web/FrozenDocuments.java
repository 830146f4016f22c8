package se.paragraf.meetings.web;

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
final class FrozenDocuments {

	/** A numbered version: it never changes, so caches may keep it for a year without asking. */
	static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	/** "The newest version": cacheable, but revalidated, since a new version may replace it. */
	static final CacheControl REVALIDATE = CacheControl.noCache().cachePublic();

	/** An official document for members and staff: tagged and revalidated, never kept by a shared cache. */
	static final CacheControl INTERNAL = CacheControl.noCache().cachePrivate();

	private FrozenDocuments() {
	}

	static ResponseEntity<String> html(String etagValue, CacheControl cache, WebRequest request, Supplier<String> html) {
		String etag = "\"" + etagValue + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
		}
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(cache)
			.eTag(etag)
			.body(html.get());
	}

	static ResponseEntity<byte[]> pdf(String etagValue, String filename, CacheControl cache, WebRequest request,
			Supplier<byte[]> pdf) {
		String etag = "\"" + etagValue + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(cache)
			.eTag(etag)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
			.body(pdf.get());
	}

}
