package se.paragraf.proceedings.web;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.jspecify.annotations.Nullable;

import se.paragraf.proceedings.Certification;
import se.paragraf.proceedings.Minutes;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.security.CurrentUser;
import se.paragraf.shared.security.Role;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.shared.RuleViolation;

/**
 * Where the chair and the checkers certify the minutes: they read the draft, type their password
 * again and sign the exact PDF shown (its SHA-256 goes with the form).
 */
@Controller
@PreAuthorize("isAuthenticated()")
class SigningController {

	private final MeetingPlanning planning;

	private final Certification certification;

	private final MessageSource messages;

	SigningController(MeetingPlanning planning, Certification certification, MessageSource messages) {
		this.planning = planning;
		this.certification = certification;
		this.messages = messages;
	}

	@GetMapping("/meetings/{id}/minutes/signing")
	String showSigning(@PathVariable Long id, Model model) {
		model.addAttribute("meeting", this.planning.meeting(id));
		model.addAttribute("minutes", this.certification.latest(id).orElse(null));
		return "meetings/sign";
	}

	/**
	 * The draft the signer reads before signing. The secretaries' draft PDF lives with the conduct
	 * pages, closed to members; the chair and the checkers read it here.
	 */
	@GetMapping("/meetings/{id}/minutes/signing/draft.pdf")
	ResponseEntity<byte[]> downloadDraft(@PathVariable Long id) {
		Minutes minutes = this.certification.latest(id).orElseThrow(() -> new NotFoundException("Minutes", id));
		CurrentUser user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("not signed in"));
		boolean staff = user.has(Role.ADMIN) || user.has(Role.SECRETARY);
		if (!staff && (user.personId() == null || !this.certification.isSigner(id, user.personId()))) {
			throw new AccessDeniedException("not a signer of these minutes");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("protokoll-" + id + "-utkast.pdf").build().toString())
			.body(this.certification.pdf(minutes));
	}

	@PostMapping("/meetings/{id}/minutes/signatures")
	String sign(@PathVariable Long id, @RequestParam(required = false) @Nullable String password,
			@RequestParam(required = false) @Nullable String sha256,
			@RequestParam(required = false) @Nullable String confirmed, Model model, RedirectAttributes redirect) {
		try {
			// The last signature certifies for good: the signer ticks a box first, which works without JavaScript.
			if (!"true".equals(confirmed)) {
				throw new RuleViolation("certification.confirm");
			}
			this.certification.sign(id, password == null ? "" : password, sha256);
			redirect.addFlashAttribute("message", this.messages.getMessage("certification.signed", null,
					LocaleContextHolder.getLocale()));
			return "redirect:/meetings/" + id + "/minutes/signing";
		}
		catch (RuleViolation violation) {
			model.addAttribute("error",
					this.messages.getMessage(violation.code(), violation.arguments(), LocaleContextHolder.getLocale()));
			return showSigning(id, model);
		}
	}

}
