package se.paragraf.publication.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;

import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.publication.PublicRecord;
import se.paragraf.shared.web.PublicPage;

/**
 * The public register (e-diarium), without login: every matter with its diary number, date, title,
 * board and status, and a page per matter with the meetings and certified decisions. A secret
 * matter keeps its place in the register, but its title is replaced by a mark citing the OSL
 * provision that withholds it (OSL 5 kap. 1 §: the register may leave out what would reveal the secret).
 */
@Controller
class PublicRegisterController {

	static final int PAGE_SIZE = 50;

	private final MatterRegister register;

	private final Organisation organisation;

	private final PublicRecord record;

	PublicRegisterController(MatterRegister register, Organisation organisation, PublicRecord record) {
		this.register = register;
		this.organisation = organisation;
		this.record = record;
	}

	@GetMapping("/public/register")
	@PublicPage
	String showRegister(@Valid @ModelAttribute("filter") RegisterFilter filter, BindingResult result, Model model,
			HttpServletResponse response) {
		List<Board> boards = this.organisation.boards();
		Board board = filter.board() == null || filter.board().isBlank() ? null
				: boards.stream().filter(b -> b.getCode().equalsIgnoreCase(filter.board().strip())).findFirst().orElse(null);
		if (board == null && filter.board() != null && !filter.board().isBlank()) {
			result.rejectValue("board", "register.board.unknown");
		}
		if (!filter.isPageValid()) {
			// Not a page of the register: said so, with the first page beneath, and answered as a bad request.
			result.rejectValue("page", "register.page.invalid", new Object[] { String.valueOf(RegisterFilter.MAX_PAGE) },
					null);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		// A filter the page could not read is shown beside its field and left out of the search.
		Integer year = result.hasFieldErrors("year") ? null : filter.yearOrNull();
		String words = result.hasFieldErrors("q") ? null : filter.q();
		Page<Matter> page = this.register.search(board == null ? null : board.getId(), year, words,
				PageRequest.of(filter.pageOrFirst(), PAGE_SIZE));
		Map<Long, Board> byId = boards.stream().collect(Collectors.toMap(Board::getId, Function.identity()));
		model.addAttribute("boards", boards);
		model.addAttribute("entries", page.getContent().stream().map(m -> RegisterEntry.of(m, byId.get(m.getBoardId()))).toList());
		model.addAttribute("page", page);
		model.addAttribute("previous", page.hasPrevious() ? pageUrl(filter, page.getNumber() - 1) : null);
		model.addAttribute("next", page.hasNext() ? pageUrl(filter, page.getNumber() + 1) : null);
		return "publication/register";
	}

	@GetMapping("/public/matters/{id}")
	@PublicPage
	String showMatter(@PathVariable Long id, Model model) {
		Matter matter = this.register.matter(id);
		Board board = this.organisation.board(matter.getBoardId());
		model.addAttribute("entry", RegisterEntry.of(matter, board));
		model.addAttribute("appearances", this.record.appearances(matter));
		return "publication/matter";
	}

	private static String pageUrl(RegisterFilter filter, int page) {
		return UriComponentsBuilder.fromPath("/public/register")
			.queryParamIfPresent("board", java.util.Optional.ofNullable(blankToNull(filter.board())))
			.queryParamIfPresent("year", java.util.Optional.ofNullable(blankToNull(filter.year())))
			.queryParamIfPresent("q", java.util.Optional.ofNullable(blankToNull(filter.q())))
			.queryParam("page", page)
			.encode()
			.build()
			.toUriString();
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return se.paragraf.shared.Texts.blankToNull(text);
	}

	/**
	 * One line of the public register. For a secret matter {@code title} is null and
	 * {@code withheldUnder} cites the ground; nothing else of the matter is carried.
	 */
	record RegisterEntry(Long id, String diaryNumber, java.time.LocalDate registeredOn, @Nullable String title,
			@Nullable String withheldUnder, String boardName, String boardCode, String status) {

		static RegisterEntry of(Matter matter, @Nullable Board board) {
			boolean secret = matter.isConfidential();
			return new RegisterEntry(matter.getId(), matter.getDiaryNumber().toString(), matter.getRegisteredOn(),
					secret ? null : matter.getTitle(), secret ? matter.getConfidentiality().citation() : null,
					board == null ? "" : board.getName(), board == null ? "" : board.getCode(), matter.getStatus().name());
		}

		public boolean isWithheld() {
			return this.withheldUnder != null;
		}

	}

}
