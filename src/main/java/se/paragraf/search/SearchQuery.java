package se.paragraf.search;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A search as a visitor asks it: the words (simple query syntax: {@code "exakt fras"}, {@code -utan},
 * {@code budget | plan}, {@code budg*}; no fuzzy or proximity operators), the facets chosen, a date range and a page (from 0).
 */
public record SearchQuery(String text, List<String> boards, List<Integer> years, List<EntryKind> kinds,
		@Nullable LocalDate from, @Nullable LocalDate to, int page) {

	public static final int PAGE_SIZE = 10;

	/** The last page anyone may ask for (zero-based). */
	public static final int MAX_PAGE = 999;

	public SearchQuery {
		boards = List.copyOf(boards);
		years = List.copyOf(years);
		kinds = List.copyOf(kinds);
	}

	public static SearchQuery of(String text) {
		return new SearchQuery(text, List.of(), List.of(), List.of(), null, null, 0);
	}

}
