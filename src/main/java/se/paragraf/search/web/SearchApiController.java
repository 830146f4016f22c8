package se.paragraf.search.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import se.paragraf.search.SearchResults;
import se.paragraf.search.SiteSearch;
import se.paragraf.shared.web.ApiController;

/**
 * Full-text search as JSON. Anyone may ask; without credentials only public entries are found, with
 * them what the account's role lets it read.
 */
@ApiController
class SearchApiController {

	private final SiteSearch search;

	SearchApiController(SiteSearch search) {
		this.search = search;
	}

	@GetMapping("/api/v1/search")
	@org.springframework.security.access.prepost.PreAuthorize("permitAll()")
	SearchJson search(@ModelAttribute SearchForm form, BindingResult errors) throws BindException {
		form.validate(errors);
		if (errors.hasErrors()) {
			throw new BindException(errors);
		}
		SearchResults results = this.search.searchAsCurrentUser(form.toQuery());
		return new SearchJson(results.total(), results.totalExact(), results.page(), results.pageSize(),
				results.hits()
					.stream()
					.map(h -> new HitJson(h.title(), h.kind().name(), h.url(), h.date(),
							h.boardCode() == null ? null : new BoardJson(h.boardCode(), h.boardName()), h.snippet()))
					.toList(),
				new FacetsJson(results.boards(), results.years(), results.kinds()));
	}

	/** {@code totalExact} false: more than {@code total} hits, and the facets carry no counts. */
	record SearchJson(
			@Schema(description = "The number of hits: exact when totalExact is true; otherwise a lower bound "
					+ "(hits are counted exactly up to a bound, 10 000 by default, and total is then the bound).") long total,
			@Schema(description = "Whether total is the exact number of hits. False: there are more than total "
					+ "hits, and the facets list values to narrow by without counts.") boolean totalExact,
			int page, int pageSize, List<HitJson> hits, FacetsJson facets) {
	}

	record HitJson(String title, String kind, String url, LocalDate date, @Nullable BoardJson board,
			String snippet) {
	}

	record BoardJson(String code, @Nullable String name) {
	}

	record FacetsJson(List<SearchResults.FacetCount> board, List<SearchResults.FacetCount> year,
			List<SearchResults.FacetCount> kind) {
	}

}
