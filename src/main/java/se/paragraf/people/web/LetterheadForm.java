package se.paragraf.people.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

import se.paragraf.documents.Letterhead;

/**
 * A letterhead as the admin enters it: name, address and a logo file (optional: the present one
 * stays); and {@code removeLogo} takes the present one away.
 */
record LetterheadForm(@NotBlank @Size(max = 200) @Nullable String name, @Size(max = 500) @Nullable String address,
		@Nullable Boolean removeLogo, @Nullable MultipartFile logo) {

	static LetterheadForm empty(String name) {
		return new LetterheadForm(name, null, false, null);
	}

	boolean removesLogo() {
		return Boolean.TRUE.equals(this.removeLogo);
	}

	static LetterheadForm of(Letterhead letterhead) {
		return new LetterheadForm(letterhead.getName(), letterhead.getAddress(), false, null);
	}

}
