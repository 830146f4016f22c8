package se.paragraf.publication.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import se.paragraf.people.Municipality;
import se.paragraf.people.Organisation;
import se.paragraf.publication.NoticeBoard;
import se.paragraf.publication.PublicNotice;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.Texts;
import se.paragraf.shared.web.FrozenResponseCache;
import se.paragraf.shared.web.PublicPage;

/**
 * The notice boards: each municipality's public board (no login), and the secretary's overview
 * with postings overdue and the posting date of a notice posted by hand.
 */
@Controller
class NoticeBoardController {

	private static final Duration FEED_MAX_AGE = Duration.ofMinutes(5);

	private final NoticeBoard board;

	private final Organisation organisation;

	private final MessageSource messages;

	/** The site's public address, for absolute links in feeds; without it, the request's own. */
	private final @Nullable String publicUrl;

	NoticeBoardController(NoticeBoard board, Organisation organisation, MessageSource messages,
			@Value("${paragraf.public-url:}") @Nullable String publicUrl) {
		this.publicUrl = Texts.blankToNull(publicUrl);
		this.board = board;
		this.organisation = organisation;
		this.messages = messages;
	}

	@GetMapping("/public/notice-boards/{code}")
	@PublicPage
	String showPublicBoard(@PathVariable String code, Model model) {
		Municipality municipality = municipality(code);
		LocalDate today = this.board.today();
		model.addAttribute("municipality", municipality);
		model.addAttribute("current", this.board.board(municipality.getId(), today));
		model.addAttribute("archive", this.board.archive(municipality.getId())
			.stream()
			.filter(n -> !n.isUpOn(today))
			.toList());
		return "publication/board";
	}

	/** Everything the board has announced, newest first, for feed readers. */
	@GetMapping(path = "/public/notice-boards/{code}/feed.atom", produces = "application/atom+xml;charset=UTF-8")
	ResponseEntity<String> showFeed(@PathVariable String code, HttpServletRequest request) {
		Municipality municipality = municipality(code);
		// A configured address, so a forged Host header cannot plant its links in a publicly cached feed.
		String baseUrl = this.publicUrl != null ? this.publicUrl.replaceAll("/+$", "")
				: ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
		String feed = new NoticeBoardFeed(this.messages, LocaleContextHolder.getLocale()).write(municipality,
				this.board.archive(municipality.getId()), baseUrl);
		// The same for every reader: kept in memory as long as a proxy may keep it.
		FrozenResponseCache.rememberPage(request, FEED_MAX_AGE);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
			.cacheControl(CacheControl.maxAge(FEED_MAX_AGE).cachePublic())
			.body(feed);
	}

	@GetMapping("/notice-boards")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	String showBoards(Model model) {
		LocalDate today = this.board.today();
		model.addAttribute("overdue", this.board.overdue(today));
		model.addAttribute("municipalities", this.organisation.municipalities());
		List<PublicNotice> recent = this.organisation.municipalities()
			.stream()
			.flatMap(m -> this.board.archive(m.getId()).stream())
			.sorted(Comparator.comparing(PublicNotice::getCertifiedOn).reversed())
			.limit(50)
			.toList();
		model.addAttribute("recent", recent);
		model.addAttribute("pending", this.board.unposted());
		return "publication/boards";
	}

	@PostMapping("/notice-boards/notices/{id}/posting")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	String recordPosting(@PathVariable Long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate postedOn,
			RedirectAttributes redirect) {
		try {
			this.board.post(id, postedOn == null ? this.board.today() : postedOn);
			redirect.addFlashAttribute("message", text("common.saved"));
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("error", text(violation.code(), violation.arguments()));
		}
		return "redirect:/notice-boards";
	}

	private Municipality municipality(String code) {
		return this.organisation.municipalities()
			.stream()
			.filter(m -> m.getCode().equals(code) || m.getName().equalsIgnoreCase(code))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Municipality", code));
	}

	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}
