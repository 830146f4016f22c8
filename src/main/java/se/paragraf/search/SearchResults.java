package se.paragraf.search;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of hits with the counts per board, year and kind of everything the search found.
 */
public record SearchResults(long total, int page, int pageSize, List<Hit> hits, List<FacetCount> boards,
		List<FacetCount> years, List<FacetCount> kinds) {

	public int pageCount() {
		return (int) ((this.total + this.pageSize - 1) / this.pageSize);
	}

	public boolean hasNext() {
		return this.page + 1 < pageCount();
	}

	/**
	 * A hit. The snippet is HTML: the text escaped, the matched words in {@code <mark>}.
	 */
	public record Hit(EntryKind kind, String title, String url, LocalDate date, @Nullable String boardCode,
			@Nullable String boardName, String snippet) {
	}

	/** How many hits carry a facet's value. */
	public record FacetCount(String value, String label, long count) {
	}

}
