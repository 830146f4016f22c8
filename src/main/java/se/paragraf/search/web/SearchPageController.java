package se.paragraf.search.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import se.paragraf.search.SearchRebuild;
import se.paragraf.search.SiteSearch;
import se.paragraf.shared.web.PublicPage;

/**
 * The search pages: the public one (no login, public entries only) and the internal one, where a
 * signed-in user finds what the role lets them read and an administrator can rebuild the index.
 */
@Controller
class SearchPageController {

	private final SiteSearch search;

	private final SearchRebuild rebuild;

	private final MessageSource messages;

	SearchPageController(SiteSearch search, SearchRebuild rebuild, MessageSource messages) {
		this.search = search;
		this.rebuild = rebuild;
		this.messages = messages;
	}

	@GetMapping("/public/search")
	@PublicPage
	String showPublicSearch(@ModelAttribute("search") SearchForm form, BindingResult errors, Model model) {
		if (form.isAsked()) {
			form.validate(errors);
			if (!errors.hasErrors()) {
				model.addAttribute("results", this.search.searchPublic(form.toQuery()));
			}
		}
		model.addAttribute("path", "/public/search");
		return "search/public";
	}

	@GetMapping("/search")
	@PreAuthorize("isAuthenticated()")
	String showSearch(@ModelAttribute("search") SearchForm form, BindingResult errors, Model model) {
		if (form.isAsked()) {
			form.validate(errors);
			if (!errors.hasErrors()) {
				model.addAttribute("results", this.search.searchAsCurrentUser(form.toQuery()));
			}
		}
		model.addAttribute("path", "/search");
		return "search/internal";
	}

	@PostMapping("/search/rebuild")
	@PreAuthorize("hasRole('ADMIN')")
	String rebuildIndex(RedirectAttributes redirect) {
		int matters = this.rebuild.rebuild();
		redirect.addFlashAttribute("message",
				this.messages.getMessage("search.rebuilt", new Object[] { matters }, LocaleContextHolder.getLocale()));
		return "redirect:/search";
	}

}
