package se.paragraf.shared.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's view of the reactions still to be done (search indexing, dispatch, postings):
 * how many, how old the oldest is, and a button that hands them to their listeners again.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class EventPublicationController {

	private final EventPublications publications;

	private final MessageSource messages;

	private final Clock clock;

	EventPublicationController(EventPublications publications, MessageSource messages, Clock clock) {
		this.publications = publications;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/admin/events")
	String showPending(Model model) {
		EventPublications.Pending pending = this.publications.pending();
		model.addAttribute("pending", pending.count());
		Instant oldest = pending.oldest();
		if (oldest != null) {
			model.addAttribute("oldestAt", LocalDateTime.ofInstant(oldest, this.clock.getZone())
				.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
			model.addAttribute("oldestAge", age(Duration.between(oldest, this.clock.instant())));
		}
		return "admin/events";
	}

	@PostMapping("/admin/events/resubmission")
	String resubmit(RedirectAttributes redirect) {
		int count = this.publications.resubmit();
		redirect.addFlashAttribute("message", message("events.resubmitted", count));
		return "redirect:/admin/events";
	}

	private String age(Duration age) {
		if (age.toMinutes() < 120) {
			return message("events.age.minutes", Math.max(0, age.toMinutes()));
		}
		if (age.toHours() < 48) {
			return message("events.age.hours", age.toHours());
		}
		return message("events.age.days", age.toDays());
	}

	private String message(String code, Object... args) {
		return this.messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}

}
