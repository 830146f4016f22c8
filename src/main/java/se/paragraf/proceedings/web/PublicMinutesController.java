package se.paragraf.proceedings.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

import se.paragraf.proceedings.Certification;
import se.paragraf.proceedings.Minutes;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.files.FileStore;
import se.paragraf.shared.web.FrozenDocuments;

/**
 * Certified minutes for everyone, without login: the newest certified version, every certified
 * version for ever (never changed, so cached for a year), and the extract of a section. Drafts are
 * not public. What is served is the public variant: secret sections withheld, text masked; the
 * official sealed minutes stay internal when they differ.
 */
@Controller
class PublicMinutesController {

	private static final CacheControl FOREVER = FrozenDocuments.FOREVER;

	private static final CacheControl REVALIDATE = FrozenDocuments.REVALIDATE;

	private final Certification certification;

	PublicMinutesController(Certification certification) {
		this.certification = certification;
	}

	@GetMapping("/public/meetings/{id}/minutes")
	ResponseEntity<String> showMinutes(@PathVariable Long id, WebRequest request) {
		return html(certified(id), REVALIDATE, request);
	}

	@GetMapping("/public/meetings/{id}/minutes.pdf")
	ResponseEntity<byte[]> downloadMinutes(@PathVariable Long id, WebRequest request) {
		return pdf(certified(id), REVALIDATE, request);
	}

	@GetMapping("/public/meetings/{id}/minutes/{version}")
	ResponseEntity<String> showMinutesVersion(@PathVariable Long id, @PathVariable int version, WebRequest request) {
		return html(certifiedVersion(id, version), FOREVER, request);
	}

	@GetMapping("/public/meetings/{id}/minutes/{version}.pdf")
	ResponseEntity<byte[]> downloadMinutesVersion(@PathVariable Long id, @PathVariable int version,
			WebRequest request) {
		return pdf(certifiedVersion(id, version), FOREVER, request);
	}

	/**
	 * An extract is drawn from the newest certified version when asked for, the same bytes each time
	 * (see {@link Certification#publicExtractPdf}); its tag is their checksum, so that a strong ETag
	 * always names exactly the bytes it comes with.
	 */
	@GetMapping("/public/meetings/{id}/minutes/sections/{section}.pdf")
	ResponseEntity<byte[]> downloadExtract(@PathVariable Long id, @PathVariable int section, WebRequest request) {
		certified(id);
		byte[] pdf = this.certification.publicExtractPdf(id, section);
		return FrozenDocuments.pdf(FileStore.sha256Hex(pdf), "protokollsutdrag-" + id + "-" + section + ".pdf",
				REVALIDATE, request, () -> pdf);
	}

	private Minutes certified(Long id) {
		return this.certification.certified(id).orElseThrow(() -> new NotFoundException("Minutes", id));
	}

	private Minutes certifiedVersion(Long id, int version) {
		Minutes minutes = this.certification.version(id, version);
		if (!minutes.isCertified()) {
			throw new NotFoundException("Minutes", id + "/" + version);
		}
		return minutes;
	}

	private static ResponseEntity<String> html(Minutes minutes, CacheControl cache, WebRequest request) {
		return FrozenDocuments.html(minutes.getPublicPdfSha256() + "-html", cache, request, minutes::getHtml);
	}

	private ResponseEntity<byte[]> pdf(Minutes minutes, CacheControl cache, WebRequest request) {
		return FrozenDocuments.pdf(String.valueOf(minutes.getPublicPdfSha256()),
				"protokoll-" + minutes.getMeetingId() + "-v" + minutes.getVersionNumber() + ".pdf", cache, request,
				() -> this.certification.publicPdf(minutes));
	}

}
