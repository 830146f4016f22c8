package se.paragraf.shared.mail;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;

/**
 * The "Försök igen" button shown with a failed mail, wherever it is shown: sends the mail again and
 * goes back to the screen that caused it, saying whether it went. A form post, so it works without
 * script.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
class FailedMailController {

	private final MailDelivery delivery;

	private final MessageSource messages;

	FailedMailController(MailDelivery delivery, MessageSource messages) {
		this.delivery = delivery;
		this.messages = messages;
	}

	@PostMapping("/failed-mails/{id}/retry")
	String retry(@PathVariable Long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		FailedMail mail;
		try {
			mail = this.delivery.retry(id);
		}
		catch (NotFoundException ex) {
			return error(HttpServletResponse.SC_NOT_FOUND, text("failedMail.notFound"), model, response);
		}
		catch (RuleViolation ex) {
			return error(HttpServletResponse.SC_CONFLICT, text(ex.code(), ex.arguments()), model, response);
		}
		if (mail.isOpen()) {
			redirect.addFlashAttribute("error", text("failedMail.stillFailing", mail.getAddress(), mail.getError()));
		}
		else {
			redirect.addFlashAttribute("message", text("failedMail.resent", mail.getAddress()));
		}
		return "redirect:" + screen(mail);
	}

	/** Back to the page the failure is shown on; only ever a path of this site. */
	private static String screen(FailedMail mail) {
		String screen = mail.getScreen();
		return screen.startsWith("/") && !screen.startsWith("//") ? screen : "/";
	}

	private String error(int status, String detail, Model model, HttpServletResponse response) {
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("detail", detail);
		return "error";
	}

	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}
