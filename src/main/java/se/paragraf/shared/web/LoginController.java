package se.paragraf.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.paragraf.shared.security.SignInOptions;

/**
 * The login page, with the password form and the single sign-on provider's link as configured; the
 * start page is the organisation's (see people).
 */
@Controller
class LoginController {

	private final SignInOptions options;

	LoginController(SignInOptions options) {
		this.options = options;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("signIn", this.options);
		return "login";
	}

}
