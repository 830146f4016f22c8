package se.paragraf.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.query.SearchResultTotal;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.springframework.web.util.HtmlUtils;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.people.ReadingRights;

/**
 * Searches the index for the visitor at hand, by the one rule of {@link ReadingRights}: without a
 * login only public entries are found; signed in, everything that is not secret, and the secret
 * entries of the boards the user may read (all of them for administrators, secretaries and case
 * officers; the boards they sit on today for members and substitutes).
 * <p>
 * Hits are counted exactly only up to a bound ({@code paragraf.search.exact-count-limit}, 10 000):
 * beyond it Lucene stops counting and skips the hits that can no longer reach the page (block-max
 * WAND), which is what keeps a search of a million entries fast. The counts per board, year and kind
 * need every hit, so they are made only when the total is exact; beyond the bound the facets offer
 * their values to narrow by, without counts, rather than counts that are not true.
 */
@Service
@Transactional(readOnly = true)
public class SiteSearch {

	private static final AggregationKey<Map<String, Long>> BOARDS = AggregationKey.of("boards");

	private static final AggregationKey<Map<Integer, Long>> YEARS = AggregationKey.of("years");

	private static final AggregationKey<Map<EntryKind, Long>> KINDS = AggregationKey.of("kinds");

	private static final int SNIPPET = 200;

	/**
	 * The syntax a visitor may use: phrases, -, |, +, parentheses, a trailing * and escapes. Fuzzy
	 * {@code a~} and proximity {@code "a b"~3} are left out: Lucene refuses some of them (a one-letter
	 * fuzzy term fails outright), and nobody types them on purpose; the tilde is then just a character.
	 */
	private static final Set<SimpleQueryFlag> SYNTAX = EnumSet.complementOf(EnumSet.of(SimpleQueryFlag.FUZZY,
			SimpleQueryFlag.NEAR));

	private final EntityManager entityManager;

	private final Organisation organisation;

	private final ReadingRights rights;

	private final int exactCountLimit;

	private final MeterRegistry meters;

	SiteSearch(EntityManager entityManager, Organisation organisation, ReadingRights rights,
			@Value("${paragraf.search.exact-count-limit:10000}") int exactCountLimit, MeterRegistry meters) {
		this.meters = meters;
		if (exactCountLimit < 1) {
			throw new IllegalArgumentException("paragraf.search.exact-count-limit must be at least 1");
		}
		this.entityManager = entityManager;
		this.organisation = organisation;
		this.rights = rights;
		this.exactCountLimit = exactCountLimit;
	}

	/** What the public may find, whoever asks. */
	public SearchResults searchPublic(SearchQuery query) {
		return search(query, Audience.PUBLIC, true);
	}

	/** What the signed-in user may find (the public's share when nobody is signed in). */
	public SearchResults searchAsCurrentUser(SearchQuery query) {
		ReadingRights.Reach reach = this.rights.reach();
		return search(query, reach.internal() ? new Audience(true, reach.everything(), true, reach.secretBoards())
				: Audience.PUBLIC, false);
	}

	private SearchResults search(SearchQuery query, Audience audience, boolean publicLinks) {
		return Timer.builder("paragraf.search")
			.description("A search of the index, facets and snippets included")
			.tag("audience", audience.signedIn() ? "signed_in" : "public")
			.register(this.meters)
			.record(() -> searchTimed(query, audience, publicLinks));
	}

	private SearchResults searchTimed(SearchQuery query, Audience audience, boolean publicLinks) {
		SearchSession session = Search.session(this.entityManager);
		SearchScope<SearchEntry> scope = session.scope(SearchEntry.class);
		var f = scope.predicate();
		var bool = f.bool()
			.must(f.simpleQueryString()
				.field("title")
				.boost(3f)
				.field("body")
				.matching(query.text())
				.flags(SYNTAX)
				.defaultOperator(BooleanOperator.AND))
			.filter(visibility(scope, audience));
		if (!query.boards().isEmpty()) {
			bool.filter(f.terms().field("boardCode").matchingAny(query.boards()));
		}
		if (!query.years().isEmpty()) {
			bool.filter(f.terms().field("year").matchingAny(query.years()));
		}
		if (!query.kinds().isEmpty()) {
			bool.filter(f.terms().field("kind").matchingAny(query.kinds()));
		}
		if (query.from() != null || query.to() != null) {
			bool.filter(f.range().field("date").between(query.from(), query.to()));
		}
		SearchPredicate predicate = bool.toPredicate();

		// One above the bound, so that a count Lucene (or Elasticsearch) gives up on is more than the bound.
		SearchResult<List<?>> result = session.search(scope)
			.select(p -> p.composite()
				.from(p.field("kind", EntryKind.class), p.field("title", String.class), p.field("internalUrl", String.class),
						p.field("publicUrl", String.class), p.field("date", LocalDate.class),
						p.field("boardCode", String.class), p.field("boardName", String.class), p.highlight("title"),
						p.highlight("body"))
				.asList())
			.where(predicate)
			.sort(s -> s.score().then().field("date").desc())
			.highlighter(h -> h.plain()
				.tag("<mark>", "</mark>")
				.encoder(HighlighterEncoder.HTML)
				.fragmentSize(SNIPPET)
				.numberOfFragments(1)
				.noMatchSize(SNIPPET))
			.totalHitCountThreshold(this.exactCountLimit + 1L)
			.fetch(query.page() * SearchQuery.PAGE_SIZE, SearchQuery.PAGE_SIZE);

		List<SearchResults.Hit> hits = new ArrayList<>();
		for (List<?> row : result.hits()) {
			String url = publicLinks || audience == Audience.PUBLIC ? (String) row.get(3) : (String) row.get(2);
			hits.add(new SearchResults.Hit((EntryKind) row.get(0), (String) row.get(1),
					url == null ? (String) row.get(2) : url, (LocalDate) row.get(4), (String) row.get(5),
					(String) row.get(6), snippet(row.get(8), row.get(7))));
		}
		Map<String, String> boardNames = new java.util.LinkedHashMap<>();
		for (Board board : this.organisation.boards()) {
			boardNames.put(board.getCode(), board.getName());
		}
		SearchResultTotal total = result.total();
		// A deep page makes Lucene count further than asked; the answer is the same on every page.
		boolean exact = total.isHitCountExact() && total.hitCount() <= this.exactCountLimit;
		if (!exact) {
			return new SearchResults(this.exactCountLimit, false, query.page(), SearchQuery.PAGE_SIZE, hits,
					uncounted(query.boards().isEmpty() ? List.copyOf(boardNames.keySet()) : query.boards(),
							code -> boardNames.getOrDefault(code, code)),
					uncounted(query.years(), String::valueOf),
					uncounted(query.kinds().isEmpty() ? List.of(EntryKind.values()) : query.kinds(), EntryKind::name));
		}
		// At most the bound's worth of hits: counting them per facet costs little.
		SearchResult<SearchEntry> counted = session.search(scope)
			.where(predicate)
			.aggregation(BOARDS, a -> a.terms().field("boardCode", String.class).maxTermCount(100))
			.aggregation(YEARS, a -> a.terms().field("year", Integer.class).maxTermCount(100))
			.aggregation(KINDS, a -> a.terms().field("kind", EntryKind.class))
			.fetch(0);
		return new SearchResults(total.hitCount(), true, query.page(), SearchQuery.PAGE_SIZE, hits,
				facets(counted.aggregation(BOARDS), code -> boardNames.getOrDefault(code, code), false),
				facets(counted.aggregation(YEARS), String::valueOf, true),
				facets(counted.aggregation(KINDS), EntryKind::name, false));
	}

	private static SearchPredicate visibility(SearchScope<SearchEntry> scope, Audience audience) {
		var f = scope.predicate();
		if (audience.everything()) {
			return f.matchAll().toPredicate();
		}
		var any = f.bool().should(f.match().field("visibility").matching(Visibility.PUBLIC));
		if (audience.signedIn() && audience.nonSecret()) {
			any.should(f.match().field("secret").matching(false));
		}
		if (!audience.boards().isEmpty()) {
			any.should(f.terms().field("boardId").matchingAny(audience.boards()));
		}
		return any.toPredicate();
	}

	private static String snippet(Object body, Object title) {
		List<?> fragments = (List<?>) body;
		if (!fragments.isEmpty() && !fragments.get(0).toString().isBlank()) {
			return onlyMarks(fragments.get(0).toString().strip());
		}
		List<?> titles = (List<?>) title;
		return titles.isEmpty() ? "" : onlyMarks(titles.get(0).toString());
	}

	/**
	 * A snippet as HTML with no markup but the highlighter's {@code <mark>}. The highlighter encodes
	 * what it highlights but hands back its no-match fallback raw, so every snippet is decoded and
	 * encoded again here, whatever path it came by.
	 */
	static String onlyMarks(String fragment) {
		String text = HtmlUtils.htmlUnescape(fragment);
		return HtmlUtils.htmlEscape(text, "UTF-8")
			.replace("&lt;mark&gt;", "<mark>")
			.replace("&lt;/mark&gt;", "</mark>");
	}

	private static <T> List<SearchResults.FacetCount> facets(Map<T, Long> counts, Function<T, String> label,
			boolean newestFirst) {
		Comparator<SearchResults.FacetCount> order = newestFirst
				? Comparator.comparing(SearchResults.FacetCount::value).reversed()
				: Comparator.comparing(SearchResults.FacetCount::count).reversed().thenComparing(SearchResults.FacetCount::label);
		return counts.entrySet()
			.stream()
			.filter(e -> e.getValue() > 0)
			.map(e -> new SearchResults.FacetCount(String.valueOf(e.getKey()), label.apply(e.getKey()), e.getValue()))
			.sorted(order)
			.toList();
	}

	/** A facet's values to narrow by, in the order given, without counts. */
	private static <T> List<SearchResults.FacetCount> uncounted(List<T> values, Function<T, String> label) {
		return values.stream().map(v -> new SearchResults.FacetCount(String.valueOf(v), label.apply(v), null)).toList();
	}

	/** Whom a search answers: everything, what is not secret, and the entries of some boards. */
	record Audience(boolean signedIn, boolean everything, boolean nonSecret, Set<Long> boards) {

		static final Audience PUBLIC = new Audience(false, false, false, Set.of());

	}

}
