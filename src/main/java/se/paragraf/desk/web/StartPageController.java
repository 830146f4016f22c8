package se.paragraf.desk.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.paragraf.desk.Desk;
import se.paragraf.people.Organisation;
import se.paragraf.shared.security.CurrentUser;
import se.paragraf.shared.web.PublicPage;

/**
 * The start page: for everyone the boards and the public ways in (register, search, notice boards,
 * open data); for a signed-in user, above them, what to do now in their roles.
 */
@Controller
class StartPageController {

	private final Organisation organisation;

	private final Desk desk;

	StartPageController(Organisation organisation, Desk desk) {
		this.organisation = organisation;
		this.desk = desk;
	}

	@GetMapping("/")
	@PublicPage
	String home(Model model) {
		model.addAttribute("boards", this.organisation.boards());
		model.addAttribute("municipalities", this.organisation.municipalities());
		CurrentUser.get().ifPresent(user -> model.addAttribute("desk", this.desk.of(user)));
		return "home";
	}

}
