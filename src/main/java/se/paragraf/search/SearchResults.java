package se.paragraf.search;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of hits with the counts per board, year and kind of everything the search found. When
 * {@code totalExact} is false, the search found more than {@code total} hits (the bound up to which
 * hits are counted) and the facets carry no counts: they list the values to narrow by instead.
 */
public record SearchResults(long total, boolean totalExact, int page, int pageSize, List<Hit> hits,
		List<FacetCount> boards, List<FacetCount> years, List<FacetCount> kinds) {

	/** The pages one may open: as many as the hits fill, and no deeper than {@link SearchQuery#MAX_PAGE}. */
	public int pageCount() {
		return (int) Math.min((this.total + this.pageSize - 1) / this.pageSize, SearchQuery.MAX_PAGE + 1L);
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

	/** How many hits carry a facet's value; no count when the hits were too many to count. */
	public record FacetCount(String value, String label, @Nullable Long count) {
	}

}
