package se.paragraf.proceedings.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import se.paragraf.documents.WordDocument;
import se.paragraf.proceedings.Certification;
import se.paragraf.proceedings.Minutes;
import se.paragraf.shared.NotFoundException;

/**
 * The minutes as a Word document (.docx), drawn from the same HTML as the PDF variants and so with the
 * same secrecy: the secretaries' copy is the official record of the newest version (as the draft PDF),
 * the public copy is the public variant of the certified minutes (as the public PDF), in which secret
 * sections and personal data are already left out.
 */
@Controller
class MinutesWordController {

	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final Certification certification;

	MinutesWordController(Certification certification) {
		this.certification = certification;
	}

	@GetMapping("/meetings/{id}/minutes.docx")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	ResponseEntity<byte[]> downloadMinutes(@PathVariable Long id) {
		Minutes minutes = this.certification.latest(id).orElseThrow(() -> new NotFoundException("Minutes", id));
		return docx(WordDocument.of(minutes.getOfficialHtml()),
				"protokoll-" + id + (minutes.isCertified() ? "-v" + minutes.getVersionNumber() : "-utkast") + ".docx");
	}

	@GetMapping("/public/meetings/{id}/minutes.docx")
	ResponseEntity<byte[]> downloadPublicMinutes(@PathVariable Long id) {
		Minutes minutes = this.certification.certified(id).orElseThrow(() -> new NotFoundException("Minutes", id));
		return docx(WordDocument.of(minutes.getHtml()), "protokoll-" + id + "-v" + minutes.getVersionNumber() + ".docx");
	}

	private static ResponseEntity<byte[]> docx(byte[] docx, String filename) {
		return ResponseEntity.ok()
			.contentType(DOCX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(docx);
	}

}
