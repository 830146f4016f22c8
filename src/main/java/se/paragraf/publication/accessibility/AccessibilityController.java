package se.paragraf.publication.accessibility;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The accessibility statement (tillgänglighetsredogörelse) after DIGG's model, public, with a form
 * to report a problem.
 */
@Controller
class AccessibilityController {

	private final AccessibilityReports reports;

	private final MessageSource messages;

	AccessibilityController(AccessibilityReports reports, MessageSource messages) {
		this.reports = reports;
		this.messages = messages;
	}

	@GetMapping("/public/accessibility")
	String showStatement(Model model) {
		model.addAttribute("report", ProblemReport.empty());
		model.addAttribute("contact", this.reports.contact());
		return "publication/accessibility";
	}

	@PostMapping("/public/accessibility")
	String reportProblem(@Valid @ModelAttribute("report") ProblemReport report, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("contact", this.reports.contact());
		if (result.hasErrors()) {
			return "publication/accessibility";
		}
		try {
			this.reports.send(report);
		}
		catch (MailException unavailable) {
			// Keep what the visitor wrote, and give them the address to send it themselves.
			model.addAttribute("error", text("accessibility.report.failed", this.reports.contact()));
			return "publication/accessibility";
		}
		redirect.addFlashAttribute("message", text("accessibility.report.sent"));
		return "redirect:/public/accessibility#report";
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

}
