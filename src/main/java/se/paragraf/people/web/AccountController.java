package se.paragraf.people.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.paragraf.people.Organisation;
import se.paragraf.people.Person;
import se.paragraf.shared.security.Account;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.CurrentUser;
import se.paragraf.shared.security.LoginFailures;
import se.paragraf.shared.security.LoginThrottle;
import se.paragraf.shared.security.Role;

/**
 * Accounts: the admin creates them with an initial password, resets passwords and disables or
 * enables accounts. Passwords go straight to {@link AccountService}, which keeps only hashes. Sign-ins
 * locked after repeated failures are listed, and the admin may lift a lock.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AccountController {

	static final String LIST = "people/accounts";

	static final String DETAIL = "people/account";

	private final AccountService accounts;

	private final Organisation organisation;

	private final MessageSource messages;

	private final LoginThrottle throttle;

	private final Clock clock;

	AccountController(AccountService accounts, Organisation organisation, MessageSource messages,
			LoginThrottle throttle, Clock clock) {
		this.accounts = accounts;
		this.organisation = organisation;
		this.messages = messages;
		this.throttle = throttle;
		this.clock = clock;
	}

	/** A lock in force, as the list shows it. */
	record LockView(Long id, boolean account, String subject, int failures, String until) {
	}

	@GetMapping("/admin/accounts")
	String listAccounts(Model model) {
		model.addAttribute("accountForm", AccountForm.empty());
		return list(model);
	}

	@PostMapping("/admin/accounts")
	String createAccount(@Valid @ModelAttribute @org.jspecify.annotations.Nullable AccountForm accountForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.getTarget() == null) {
			OrganisationController.keepErrors(model, result, "accountForm", AccountForm.empty());
			return list(model);
		}
		if (!result.hasFieldErrors("password")
				&& !Objects.equals(accountForm.password(), accountForm.passwordConfirmation())) {
			result.rejectValue("passwordConfirmation", "account.password.mismatch");
		}
		String username = Objects.requireNonNullElse(accountForm.username(), "");
		if (!result.hasFieldErrors("username") && this.accounts.exists(username)) {
			result.rejectValue("username", "account.username.taken", new Object[] { username }, null);
		}
		if (accountForm.personId() != null
				&& this.organisation.persons().stream().noneMatch(p -> p.getId().equals(accountForm.personId()))) {
			result.rejectValue("personId", "account.person.unknown");
		}
		if (!result.hasErrors()) {
			try {
				this.accounts.create(username, Objects.requireNonNull(accountForm.password()),
						Objects.requireNonNull(accountForm.roles()), accountForm.personId());
				redirect.addFlashAttribute("message", message("accounts.created", username));
				return "redirect:/admin/accounts";
			}
			catch (DataIntegrityViolationException race) {
				// Someone took the name between the check and the insert.
				result.rejectValue("username", "account.username.taken", new Object[] { username }, null);
			}
		}
		return list(model);
	}

	@GetMapping("/admin/accounts/{id}")
	String showAccount(@PathVariable Long id, Model model) {
		model.addAttribute("passwordForm", PasswordForm.empty());
		return detail(id, model);
	}

	@PostMapping("/admin/accounts/{id}/password")
	String resetPassword(@PathVariable Long id, @Valid @ModelAttribute PasswordForm passwordForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Account account = this.accounts.account(id);
		if (account.isSingleSignOn()) {
			// The provider alone signs it in; a password would open a second way past it.
			redirect.addFlashAttribute("error", message("account.sso.noPassword"));
			return "redirect:/admin/accounts/" + id;
		}
		if (!result.hasFieldErrors("password")
				&& !Objects.equals(passwordForm.password(), passwordForm.passwordConfirmation())) {
			result.rejectValue("passwordConfirmation", "account.password.mismatch");
		}
		if (result.hasErrors()) {
			return detail(id, model);
		}
		this.accounts.resetPassword(id, Objects.requireNonNull(passwordForm.password()));
		redirect.addFlashAttribute("message", message("accounts.passwordReset", account.getUsername()));
		return "redirect:/admin/accounts/" + id;
	}

	@PostMapping("/admin/accounts/{id}/enabled")
	String setEnabled(@PathVariable Long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		Account account = this.accounts.account(id);
		boolean self = CurrentUser.name().equals(account.getUsername());
		if (!enabled && self) {
			redirect.addFlashAttribute("error", message("account.disableSelf"));
			return "redirect:/admin/accounts/" + id;
		}
		this.accounts.setEnabled(id, enabled);
		redirect.addFlashAttribute("message",
				message(enabled ? "accounts.wasEnabled" : "accounts.wasDisabled", account.getUsername()));
		return "redirect:/admin/accounts/" + id;
	}

	@PostMapping("/admin/accounts/locks/{lockId}/removal")
	String unlock(@PathVariable Long lockId, RedirectAttributes redirect) {
		LoginFailures lifted = this.throttle.unlock(lockId, CurrentUser.name());
		redirect.addFlashAttribute("message", message("accounts.unlocked", lifted.getSubject()));
		return "redirect:/admin/accounts";
	}

	private String list(Model model) {
		List<LockView> locks = this.throttle.locks().stream().map(this::lockView).toList();
		model.addAttribute("locks", locks);
		model.addAttribute("lockedUntil", locks.stream()
			.filter(LockView::account)
			.collect(Collectors.toMap(LockView::subject, LockView::until, (a, b) -> a)));
		model.addAttribute("accounts", this.accounts.accounts());
		model.addAttribute("persons", this.organisation.persons());
		model.addAttribute("personNames", personNames());
		model.addAttribute("allRoles", Role.values());
		return LIST;
	}

	private String detail(Long id, Model model) {
		Account account = this.accounts.account(id);
		model.addAttribute("account", account);
		model.addAttribute("self", CurrentUser.name().equals(account.getUsername()));
		model.addAttribute("personName",
				account.getPersonId() == null ? null : personNames().get(account.getPersonId()));
		return DETAIL;
	}

	private LockView lockView(LoginFailures lock) {
		LocalDateTime until = LocalDateTime.ofInstant(Objects.requireNonNull(lock.getLockedUntil()), this.clock.getZone());
		return new LockView(Objects.requireNonNull(lock.getId()), lock.getKind() == LoginFailures.Kind.ACCOUNT,
				lock.getSubject(), lock.getFailures(), until.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
	}

	private Map<Long, String> personNames() {
		return this.organisation.persons().stream().collect(Collectors.toMap(Person::getId, Person::getFullName));
	}

	private String message(String code, Object... args) {
		return this.messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}

}
