package se.paragraf.people.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.paragraf.people.Organisation;
import se.paragraf.shared.web.PublicPage;

/**
 * The start page: the boards and the public ways in (register, search, notice boards, open data),
 * open to everyone.
 */
@Controller
class HomeController {

	private final Organisation organisation;

	HomeController(Organisation organisation) {
		this.organisation = organisation;
	}

	@GetMapping("/")
	@PublicPage
	String home(Model model) {
		model.addAttribute("boards", this.organisation.boards());
		model.addAttribute("municipalities", this.organisation.municipalities());
		return "home";
	}

}
