package se.paragraf.publication.oparl;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import se.paragraf.matters.Attachment;
import se.paragraf.meetings.Notice;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.web.FrozenResponseCache;
import se.paragraf.publication.oparl.OParlSnapshot.Window;

/**
 * OParl 1.1, read-only and public (no login, no cookies, any origin): the system, its bodies, and
 * under each body the external lists of its objects, paged and filtered by created/modified. Deleted
 * objects keep answering with {@code deleted: true}.
 * <p>
 * An object or a list is the same for every client: a proxy may keep it for {@link #MAX_AGE} (with an
 * ETag to revalidate), and this node keeps the anonymous answer in memory as long, as it keeps the
 * public pages ({@link FrozenResponseCache#rememberPage}); any committed write drops it. Files keep
 * their own rule (their content hash as ETag, revalidated every time) and are not kept.
 */
@RestController
class OParlController {

	/** As long as a public page: a change shows on another node (or behind a proxy) within a minute. */
	static final Duration MAX_AGE = Duration.ofSeconds(60);

	private static final int DEFAULT_LIMIT = 100;

	private static final int MAX_LIMIT = 1000;

	private static final Pattern NOTICE_KEY = Pattern.compile("notice-(\\d+)-v(\\d+)");

	private static final Pattern MINUTES_KEY = Pattern.compile("minutes-(\\d+)-v(\\d+)");

	private static final Pattern ATTACHMENT_KEY = Pattern.compile("attachment-(\\d+)");

	private final OParlSources sources;

	OParlController(OParlSources sources) {
		this.sources = sources;
	}

	@GetMapping("/oparl/v1/system")
	ResponseEntity<Object> system() {
		return json(snapshot().object(Kind.SYSTEM, "system").orElseThrow());
	}

	@GetMapping("/oparl/v1/bodies")
	ResponseEntity<Map<String, Object>> bodies(@RequestParam Map<String, String> query) {
		return page(snapshot(), Kind.BODY, null, null, new MultiValueParams(query));
	}

	@GetMapping("/oparl/v1/body/{id}/{list}")
	ResponseEntity<Map<String, Object>> bodyList(@PathVariable long id, @PathVariable String list,
			@RequestParam Map<String, String> query) {
		Kind kind = Kind.ofListSegment(list);
		OParlSnapshot snapshot = snapshot();
		snapshot.object(Kind.BODY, String.valueOf(id)).orElseThrow(() -> new OParlNotFound("body " + id));
		return page(snapshot, kind, id, null, new MultiValueParams(query));
	}

	@GetMapping("/oparl/v1/organization/{id}/meetings")
	ResponseEntity<Map<String, Object>> organizationMeetings(@PathVariable long id,
			@RequestParam Map<String, String> query) {
		OParlSnapshot snapshot = snapshot();
		snapshot.object(Kind.ORGANIZATION, String.valueOf(id))
			.orElseThrow(() -> new OParlNotFound("organization " + id));
		return page(snapshot, Kind.MEETING, null, id, new MultiValueParams(query));
	}

	@GetMapping("/oparl/v1/{type}/{key}")
	ResponseEntity<Object> object(@PathVariable String type, @PathVariable String key) {
		Kind kind = Kind.ofSegment(type);
		return json(snapshot().object(kind, key).orElseThrow(() -> new OParlNotFound(type + " " + key)));
	}

	/**
	 * Any other path under the OParl root: an OParl error object, not the site's problem body, since
	 * OParl clients read errors as OParl objects. The most general pattern, so it never shadows another.
	 */
	@GetMapping({ "/oparl/v1", "/oparl/v1/**" })
	ResponseEntity<Map<String, Object>> unknown(HttpServletRequest request) {
		throw new OParlNotFound("path " + request.getRequestURI());
	}

	/** A file as it is: inline, for reading in the browser (sandboxed; stored files are not our content). */
	@GetMapping("/oparl/v1/file/{key}/access")
	ResponseEntity<byte[]> access(@PathVariable String key, WebRequest request) {
		return file(key, false, request);
	}

	/** A file as a download, with its name. */
	@GetMapping("/oparl/v1/file/{key}/download")
	ResponseEntity<byte[]> download(@PathVariable String key, WebRequest request) {
		return file(key, true, request);
	}

	private ResponseEntity<byte[]> file(String key, boolean download, WebRequest request) {
		OParlSnapshot snapshot = snapshot();
		if (snapshot.object(Kind.FILE, key).isEmpty()) {
			throw new OParlNotFound("file " + key);
		}
		if (snapshot.isDeleted(Kind.FILE, key)) {
			return ResponseEntity.status(HttpStatus.GONE).header("Access-Control-Allow-Origin", "*").build();
		}
		byte[] content;
		String name;
		String type;
		String sha256;
		Matcher notice = NOTICE_KEY.matcher(key);
		Matcher attachment = ATTACHMENT_KEY.matcher(key);
		Matcher minutes = MINUTES_KEY.matcher(key);
		if (notice.matches()) {
			Notice published = this.sources.notices.version(Long.valueOf(notice.group(1)),
					Integer.parseInt(notice.group(2)));
			content = this.sources.notices.pdf(published);
			name = "kallelse-" + published.getMeetingId() + "-v" + published.getVersionNumber() + ".pdf";
			type = MediaType.APPLICATION_PDF_VALUE;
			sha256 = published.getPdfSha256();
		}
		else if (minutes.matches()) {
			se.paragraf.proceedings.Minutes certified = this.sources.certification.version(Long.valueOf(minutes.group(1)),
					Integer.parseInt(minutes.group(2)));
			if (!certified.isCertified()) {
				throw new OParlNotFound("file " + key);
			}
			// The public variant: secret sections withheld, identity numbers masked. Never the official one.
			content = this.sources.certification.publicPdf(certified);
			name = "protokoll-" + certified.getMeetingId() + "-v" + certified.getVersionNumber() + ".pdf";
			type = MediaType.APPLICATION_PDF_VALUE;
			sha256 = String.valueOf(certified.getPublicPdfSha256());
		}
		else if (attachment.matches()) {
			Attachment stored = this.sources.register.attachment(Long.valueOf(attachment.group(1)));
			content = this.sources.register.content(stored);
			name = stored.getFilename() == null ? "bilaga" : stored.getFilename();
			type = stored.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : stored.getContentType();
			sha256 = String.valueOf(stored.getSha256());
		}
		else {
			throw new OParlNotFound("file " + key);
		}
		String etag = "\"" + sha256 + "\"";
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).header("Access-Control-Allow-Origin", "*").build();
		}
		ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
			.filename(name, StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.eTag(etag)
			.cacheControl(CacheControl.noCache().cachePublic())
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox")
			.header("Access-Control-Allow-Origin", "*")
			.body(content);
	}

	private ResponseEntity<Map<String, Object>> page(OParlSnapshot snapshot, Kind kind, @Nullable Long bodyId,
			@Nullable Long organizationId, MultiValueParams params) {
		Window window = new Window(params.instant("created_since"), params.instant("created_until"),
				params.instant("modified_since"), params.instant("modified_until"));
		int limit = Math.min(MAX_LIMIT, Math.max(1, params.integer("limit", DEFAULT_LIMIT)));
		int pageNumber = Math.max(1, params.integer("page", 1));
		List<Object> all = snapshot.list(kind, bodyId, organizationId, window);
		int totalPages = Math.max(1, (all.size() + limit - 1) / limit);
		if (pageNumber > totalPages) {
			throw new OParlNotFound("page " + pageNumber);
		}
		int from = (pageNumber - 1) * limit;
		List<Object> data = all.subList(from, Math.min(all.size(), from + limit));
		Map<String, Object> pagination = new LinkedHashMap<>();
		pagination.put("totalElements", all.size());
		pagination.put("elementsPerPage", limit);
		pagination.put("currentPage", pageNumber);
		pagination.put("totalPages", totalPages);
		Map<String, Object> links = new LinkedHashMap<>();
		links.put("first", pageLink(1));
		if (pageNumber > 1) {
			links.put("prev", pageLink(pageNumber - 1));
		}
		links.put("self", pageLink(pageNumber));
		if (pageNumber < totalPages) {
			links.put("next", pageLink(pageNumber + 1));
		}
		links.put("last", pageLink(totalPages));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("data", data);
		body.put("pagination", pagination);
		body.put("links", links);
		return json(body);
	}

	/** The same list with the same filters (as the client encoded them), another page. */
	private static String pageLink(int page) {
		return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page)
			.build(true)
			.toUriString();
	}

	private OParlSnapshot snapshot() {
		return new OParlSnapshot(this.sources, ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
	}

	/** An object or a list: the same for everyone, kept in memory and by proxies for a minute. */
	private static <T> ResponseEntity<T> json(T body) {
		FrozenResponseCache.rememberPage(
				((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest(), MAX_AGE);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
			.header("Access-Control-Allow-Origin", "*")
			.body(body);
	}

	@ExceptionHandler({ OParlNotFound.class, NotFoundException.class })
	ResponseEntity<Map<String, Object>> notFound(RuntimeException ex) {
		return error(HttpStatus.NOT_FOUND, "Objektet finns inte.", ex.getMessage());
	}

	@ExceptionHandler({ BadParameter.class, MethodArgumentTypeMismatchException.class })
	ResponseEntity<Map<String, Object>> badRequest(RuntimeException ex) {
		return error(HttpStatus.BAD_REQUEST, "Ogiltig parameter.", ex.getMessage());
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message,
			@Nullable String debug) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", Kind.SCHEMA + "Error");
		body.put("message", message);
		if (debug != null) {
			body.put("debug", debug);
		}
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.header("Access-Control-Allow-Origin", "*")
			.body(body);
	}

	/** A query parameter that is not what OParl asks for. */
	static class BadParameter extends RuntimeException {

		BadParameter(String message) {
			super(message);
		}

	}

	/** The query parameters of a list request. */
	record MultiValueParams(Map<String, String> values) {

		@Nullable Instant instant(String name) {
			String value = this.values.get(name);
			if (value == null || value.isBlank()) {
				return null;
			}
			try {
				// An unencoded '+' in the offset arrives as a space.
				return OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw new BadParameter(name + " is not a date-time: " + value);
			}
		}

		int integer(String name, int otherwise) {
			String value = this.values.get(name);
			if (value == null || value.isBlank()) {
				return otherwise;
			}
			try {
				return Integer.parseInt(value.strip());
			}
			catch (NumberFormatException ex) {
				throw new BadParameter(name + " is not a number: " + value);
			}
		}

	}

}
