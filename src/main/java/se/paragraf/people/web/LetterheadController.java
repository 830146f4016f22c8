package se.paragraf.people.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.paragraf.documents.Letterhead;
import se.paragraf.documents.LetterheadOwner;
import se.paragraf.documents.LogoImage;
import se.paragraf.documents.Stationery;
import se.paragraf.people.Administration;
import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.web.Forms;

/**
 * The admin sets the letterhead (brevhuvud) of an administration or a board: name, address and a
 * logo, checked by its content (PNG or SVG; an SVG is cleaned, and refused with a reason when it
 * holds scripts, outside references or text). The page shows what the documents will carry,
 * including what a board without its own letterhead borrows.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class LetterheadController {

	static final String EDIT = "people/letterhead-edit";

	private final Organisation organisation;

	private final Stationery stationery;

	private final MessageSource messages;

	LetterheadController(Organisation organisation, Stationery stationery, MessageSource messages) {
		this.organisation = organisation;
		this.stationery = stationery;
		this.messages = messages;
	}

	@GetMapping("/admin/organisation/letterheads/{kind}/{id}")
	String editLetterhead(@PathVariable String kind, @PathVariable Long id, Model model) {
		Owner owner = owner(kind, id);
		Optional<Letterhead> letterhead = this.stationery.find(owner.kind(), id);
		model.addAttribute("letterheadForm",
				letterhead.map(LetterheadForm::of).orElseGet(() -> LetterheadForm.empty(owner.name())));
		return edit(owner, model);
	}

	@PostMapping("/admin/organisation/letterheads/{kind}/{id}")
	String saveLetterhead(@PathVariable String kind, @PathVariable Long id,
			@Valid @ModelAttribute LetterheadForm letterheadForm, BindingResult result,
			@RequestParam(name = "logo", required = false) @Nullable MultipartFile logo, Model model,
			RedirectAttributes redirect) {
		// The file is a parameter of its own too: that marks this endpoint as an upload (RequestSizeLimit).
		Owner owner = owner(kind, id);
		if (!result.hasErrors()) {
			try {
				byte[] content = logo == null || logo.isEmpty() ? null : logo.getBytes();
				this.stationery.save(owner.kind(), id, letterheadForm.name(), letterheadForm.address(), content,
						letterheadForm.removesLogo());
				redirect.addFlashAttribute("message", message("letterhead.saved", owner.name()));
				return "redirect:/admin/organisation/letterheads/" + kind + "/" + id;
			}
			catch (RuleViolation violation) {
				Forms.reject(result, violation);
			}
			catch (IOException ex) {
				result.rejectValue("logo", "upload.unreadable");
			}
		}
		OrganisationController.keepErrors(model, result, "letterheadForm", LetterheadForm.empty(owner.name()));
		return edit(owner, model);
	}

	@PostMapping("/admin/organisation/letterheads/{kind}/{id}/delete")
	String removeLetterhead(@PathVariable String kind, @PathVariable Long id, RedirectAttributes redirect) {
		Owner owner = owner(kind, id);
		this.stationery.remove(owner.kind(), id);
		redirect.addFlashAttribute("message", message("letterhead.removed", owner.name()));
		return "redirect:/admin/organisation/letterheads/" + kind + "/" + id;
	}

	private String edit(Owner owner, Model model) {
		Optional<Letterhead> own = this.stationery.find(owner.kind(), owner.id());
		model.addAttribute("owner", owner);
		model.addAttribute("letterhead", own.orElse(null));
		model.addAttribute("heading", owner.kind() == LetterheadOwner.BOARD
				? this.stationery.headingFor(owner.id(), owner.administrationId(), owner.name())
				: this.stationery.headingForAdministration(owner.id(), owner.name()));
		model.addAttribute("borrowed", own.isEmpty() && owner.kind() == LetterheadOwner.BOARD
				&& owner.administrationId() != null
				&& this.stationery.find(LetterheadOwner.ADMINISTRATION, owner.administrationId()).isPresent());
		// As a string: a formatted number would read "1 024".
		model.addAttribute("maxLogoKilobytes", String.valueOf(LogoImage.MAX_BYTES / 1024));
		return EDIT;
	}

	/** The administration or board a letterhead belongs to, as the page names it. */
	record Owner(LetterheadOwner kind, Long id, String name, @Nullable Long administrationId,
			@Nullable String administrationName) {

		public String path() {
			return this.kind.name().toLowerCase(Locale.ROOT);
		}

	}

	private Owner owner(String kind, Long id) {
		return switch (kind) {
			case "administration" -> {
				Administration a = this.organisation.administration(id);
				yield new Owner(LetterheadOwner.ADMINISTRATION, id, a.getName(), null, null);
			}
			case "board" -> {
				Board b = this.organisation.board(id);
				Long administrationId = b.getAdministrationId();
				yield new Owner(LetterheadOwner.BOARD, id, b.getName(), administrationId,
						administrationId == null ? null : this.organisation.administration(administrationId).getName());
			}
			default -> throw new NotFoundException("Letterhead", kind + "/" + id);
		};
	}

	private String message(String code, Object... args) {
		return this.messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}

}
