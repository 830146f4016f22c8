package se.paragraf.publication.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A search of the public register: a board's code, a year and words of a title or diary number,
 * all optional, and the page.
 */
record RegisterFilter(@Nullable @Size(max = 12) String board,
		@Nullable @Size(max = 10) @Pattern(regexp = "^\\s*(\\d{4})?\\s*$") String year,
		@Nullable @Size(max = 200) String q, @Nullable Integer page) {

	@Nullable Integer yearOrNull() {
		return this.year == null || this.year.isBlank() ? null : Integer.valueOf(this.year.strip());
	}

	int pageOrFirst() {
		return this.page == null || this.page < 0 ? 0 : this.page;
	}

}
