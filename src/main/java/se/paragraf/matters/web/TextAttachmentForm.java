package se.paragraf.matters.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A document written in Paragraf and attached to the report.
 */
record TextAttachmentForm(@NotBlank @Size(max = 500) String title, @NotBlank @Size(max = 100_000) String body) {

	static TextAttachmentForm empty() {
		return new TextAttachmentForm("", "");
	}

}
