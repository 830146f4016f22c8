package se.paragraf.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

import se.paragraf.matters.DiaryNumber;
import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Organisation;
import se.paragraf.people.PeopleFixtures;
import se.paragraf.people.PeopleFixtures.BoardWithPeople;

/**
 * Hits are counted exactly only up to a bound (issue 12), here 5 instead of 10 000: below it the
 * total and the facet counts are exact; above it the answer says "more than", the facets carry no
 * counts, and the best hits still come first.
 */
@SpringBootTest(properties = "paragraf.search.exact-count-limit=5")
@AutoConfigureMockMvc
class SearchCountBoundTests {

	@Autowired
	MatterRegister register;

	@Autowired
	Organisation organisation;

	@Autowired
	SiteSearch search;

	@Autowired
	SearchFeed feed;

	@Autowired
	MessageSource messages;

	@Autowired
	MockMvc mvc;

	BoardWithPeople board;

	/** A word no other test writes, so hits are this test's alone. */
	String word;

	@BeforeEach
	void board() {
		this.board = PeopleFixtures.jointBoard(this.organisation);
		this.word = "bound" + this.board.code().toLowerCase(Locale.ROOT);
	}

	@Test
	void upToTheBoundTheTotalIsExactAndEveryFacetIsCounted() throws Exception {
		this.register.register(this.board.code(), "Första " + this.word);
		this.register.register(this.board.code(), "Andra " + this.word);
		this.register.registerMigrated(this.board.code(), "Gammalt " + this.word,
				new DiaryNumber(this.board.code(), 2021, 901), LocalDate.of(2021, 3, 4));
		BoardWithPeople other = PeopleFixtures.jointBoard(this.organisation);
		this.register.register(other.code(), "Annan nämnds " + this.word);
		this.register.register(other.code(), "Annan nämnds andra " + this.word);
		this.feed.awaitIdle();

		SearchResults results = this.search.searchPublic(SearchQuery.of(this.word));
		assertThat(results.totalExact()).isTrue();
		assertThat(results.total()).isEqualTo(5);
		assertThat(results.boards()).extracting(SearchResults.FacetCount::value, SearchResults.FacetCount::count)
			.containsExactly(tuple(this.board.code(), 3L), tuple(other.code(), 2L));
		assertThat(results.years()).extracting(SearchResults.FacetCount::value, SearchResults.FacetCount::count)
			.containsExactly(tuple(String.valueOf(LocalDate.now(se.paragraf.shared.Sweden.ZONE).getYear()), 4L), tuple("2021", 1L));
		assertThat(results.kinds()).extracting(SearchResults.FacetCount::value, SearchResults.FacetCount::count)
			.containsExactly(tuple("MATTER", 5L));

		this.mvc.perform(get("/api/v1/search").param("q", this.word))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(5))
			.andExpect(jsonPath("$.totalExact").value(true))
			.andExpect(jsonPath("$.facets.board[0].count").value(3));
		String page = this.mvc.perform(get("/public/search").param("q", this.word))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(">5 träffar<").doesNotContain("Fler än");
	}

	@Test
	void aboveTheBoundTheTotalIsALowerBoundAndTheBestScoredHitsStillComeFirst() throws Exception {
		for (int i = 0; i < 6; i++) {
			this.register.register(this.board.code(), "Ärende nummer " + i + " om bland annat " + this.word);
		}
		// Registered last, so that they are the last the index met: only scoring can put them first.
		this.register.register(this.board.code(), this.word + " " + this.word);
		this.register.register(this.board.code(), this.word + " " + this.word + " " + this.word);
		this.feed.awaitIdle();

		SearchResults results = this.search.searchPublic(SearchQuery.of(this.word));
		assertThat(results.totalExact()).isFalse();
		assertThat(results.total()).isEqualTo(5);
		assertThat(results.hits()).hasSize(8);
		assertThat(results.hits()).extracting(SearchResults.Hit::title)
			.startsWith(this.word + " " + this.word + " " + this.word, this.word + " " + this.word);
		// Counts that stopped at the bound would not be true: the facets offer their values without counts.
		assertThat(results.boards()).extracting(SearchResults.FacetCount::value).contains(this.board.code());
		assertThat(results.boards()).extracting(SearchResults.FacetCount::count).containsOnlyNulls();
		assertThat(results.kinds()).extracting(SearchResults.FacetCount::value)
			.containsExactlyElementsOf(Arrays.stream(EntryKind.values()).map(EntryKind::name).toList());
		assertThat(results.kinds()).extracting(SearchResults.FacetCount::count).containsOnlyNulls();
		assertThat(results.years()).isEmpty();

		// A facet chosen stays offered (and checked), so that it can be taken away again.
		SearchResults chosen = this.search.searchPublic(new SearchQuery(this.word, List.of(this.board.code()),
				List.of(LocalDate.now(se.paragraf.shared.Sweden.ZONE).getYear()), List.of(EntryKind.MATTER), null, null, 0));
		assertThat(chosen.totalExact()).isFalse();
		assertThat(chosen.boards()).extracting(SearchResults.FacetCount::value).containsExactly(this.board.code());
		assertThat(chosen.years()).extracting(SearchResults.FacetCount::value)
			.containsExactly(String.valueOf(LocalDate.now(se.paragraf.shared.Sweden.ZONE).getYear()));
		assertThat(chosen.kinds()).extracting(SearchResults.FacetCount::value).containsExactly("MATTER");

		this.mvc.perform(get("/api/v1/search").param("q", this.word))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(5))
			.andExpect(jsonPath("$.totalExact").value(false))
			.andExpect(jsonPath("$.hits.length()").value(8))
			.andExpect(jsonPath("$.facets.kind[0].count").value(org.hamcrest.Matchers.nullValue()));
		String page = this.mvc.perform(get("/public/search").param("q", this.word))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(">Fler än 5 träffar<").doesNotContain(">5 träffar<").doesNotContain("(8)");
	}

	@Test
	void theBoundIsWrittenWithSwedishDigitGroupingAndInEnglishForEnglishReaders() {
		assertThat(this.messages.getMessage("search.total.more", new Object[] { 10_000L }, Locale.forLanguageTag("sv")))
			.isEqualTo("Fler än 10\u00a0000 träffar");
		assertThat(this.messages.getMessage("search.total.more", new Object[] { 10_000L }, Locale.ENGLISH))
			.isEqualTo("More than 10,000 hits");
	}

}
