package se.paragraf.documents.web;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.paragraf.documents.MaskReview;
import se.paragraf.documents.Masking;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.web.HtmxRequests;

/**
 * The masking review: each section of a document with detected identity numbers and marked
 * passages highlighted, where the secretary confirms or removes masks, adds passages and marks the
 * document reviewed before it is published. With htmx, an action answers with its section only.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
class MaskingController {

	private static final String VIEW = "documents/masking";

	private static final String SECTION_FRAGMENT = VIEW + " :: maskSection";

	private final Masking masking;

	private final MessageSource messages;

	MaskingController(Masking masking, MessageSource messages) {
		this.masking = masking;
		this.messages = messages;
	}

	@GetMapping("/masking/{documentKey}")
	String showReview(@PathVariable String documentKey, Model model) {
		model.addAttribute("review", this.masking.review(documentKey));
		return VIEW;
	}

	@PostMapping("/masking/{documentKey}/masks")
	String addPassage(@PathVariable String documentKey, @RequestParam(required = false) @Nullable String section,
			@RequestParam(required = false) @Nullable String passage, Model model, HttpServletRequest request,
			RedirectAttributes redirect) {
		boolean htmx = HtmxRequests.isHtmx(request);
		try {
			if (section == null || section.isBlank()) {
				throw RuleViolation.onField("section", "masking.section.required");
			}
			this.masking.addPassage(documentKey, section, passage);
			if (!htmx) {
				redirect.addFlashAttribute("message", text("masking.passage.added"));
				return "redirect:/masking/" + documentKey;
			}
			return section(documentKey, section, model);
		}
		catch (RuleViolation violation) {
			String problem = text(violation.code(), violation.arguments());
			if ("passage".equals(violation.field()) && section != null) {
				model.addAttribute("passageSection", section);
				model.addAttribute("passageValue", passage);
				model.addAttribute("passageError", problem);
				if (htmx) {
					return section(documentKey, section, model);
				}
			}
			else {
				model.addAttribute("error", problem);
			}
			return showReview(documentKey, model);
		}
	}

	@PostMapping("/masking/{documentKey}/masks/{maskId}/confirmation")
	String confirmMask(@PathVariable String documentKey, @PathVariable long maskId, Model model,
			HttpServletRequest request) {
		MaskReview.Mask mask = this.masking.confirm(documentKey, maskId);
		return afterDecision(documentKey, mask, model, request);
	}

	@PostMapping("/masking/{documentKey}/masks/{maskId}/removal")
	String removeMask(@PathVariable String documentKey, @PathVariable long maskId, Model model,
			HttpServletRequest request) {
		MaskReview.Mask mask = this.masking.remove(documentKey, maskId);
		return afterDecision(documentKey, mask, model, request);
	}

	@PostMapping("/masking/{documentKey}/review")
	String markReviewed(@PathVariable String documentKey, RedirectAttributes redirect) {
		this.masking.markReviewed(documentKey);
		String returnUrl = this.masking.document(documentKey)
			.orElseThrow(() -> new NotFoundException("Document", documentKey))
			.returnUrl();
		redirect.addFlashAttribute("message", text("masking.reviewed.done"));
		return "redirect:" + returnUrl;
	}

	private String afterDecision(String documentKey, MaskReview.Mask mask, Model model, HttpServletRequest request) {
		if (!HtmxRequests.isHtmx(request)) {
			return "redirect:/masking/" + documentKey;
		}
		return section(documentKey, mask.sectionKey(), model);
	}

	/** The one section, re-read after a change, as the fragment htmx swaps in. */
	private String section(String documentKey, String sectionKey, Model model) {
		MaskReview review = this.masking.review(documentKey);
		for (int index = 0; index < review.sections().size(); index++) {
			MaskReview.Section section = review.sections().get(index);
			if (section.section().key().equals(sectionKey)) {
				model.addAttribute("review", review);
				model.addAttribute("section", section);
				model.addAttribute("index", index);
				return SECTION_FRAGMENT;
			}
		}
		throw new NotFoundException("Section", sectionKey);
	}

	private String text(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

}
