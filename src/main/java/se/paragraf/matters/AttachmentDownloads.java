package se.paragraf.matters;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import se.paragraf.shared.NotFoundException;

/**
 * Sends an attachment's file as a download with its own name and type, never rendered inline (a
 * stored file is not trusted content for our origin).
 */
public final class AttachmentDownloads {

	private AttachmentDownloads() {
	}

	public static ResponseEntity<byte[]> download(Attachment attachment, byte[] content) {
		if (attachment.getContentType() == null) {
			throw new NotFoundException("AttachmentContent", attachment.getId());
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(attachment.getContentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(attachment.getFilename() == null ? "bilaga" : attachment.getFilename(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

}
