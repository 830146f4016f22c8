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
		@Nullable @Size(max = 200) String q, @Nullable @Size(max = 12) String page) {

	/** The last page anyone may ask for (from 0): deeper is scraping, and the offset stays a small int. */
	static final int MAX_PAGE = 10_000;

	@Nullable Integer yearOrNull() {
		return this.year == null || this.year.isBlank() ? null : Integer.valueOf(this.year.strip());
	}

	/** Whether {@code page} is absent or a whole number from 0 to {@link #MAX_PAGE}. */
	boolean isPageValid() {
		return this.page == null || this.page.isBlank() || this.page.strip().matches("\\d{1,5}")
				&& Integer.parseInt(this.page.strip()) <= MAX_PAGE;
	}

	/** The page asked for; the first when none is, or when it cannot be read. */
	int pageOrFirst() {
		return this.page == null || this.page.isBlank() || !isPageValid() ? 0 : Integer.parseInt(this.page.strip());
	}

}
