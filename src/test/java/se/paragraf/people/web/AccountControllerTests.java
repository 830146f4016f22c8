package se.paragraf.people.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.people.Organisation;
import se.paragraf.people.OrganisationFixtures;
import se.paragraf.people.Person;
import se.paragraf.shared.security.Account;
import se.paragraf.shared.security.AccountService;
import se.paragraf.shared.security.Accounts;
import se.paragraf.shared.security.Role;

/**
 * Account administration: only admins, initial passwords typed by the admin (at least 12 characters),
 * only hashes stored, passwords reset and accounts disabled.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountControllerTests {

	private static final String PASSWORD = "ett-långt-lösenord";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountService accountService;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	Organisation organisation;

	static RequestPostProcessor as(Role role) {
		return user("acc-" + role.name().toLowerCase()).roles(role.name());
	}

	static String username() {
		return OrganisationFixtures.boardCode().toLowerCase();
	}

	@Test
	void listsAccountsWithoutPasswordHashes() throws Exception {
		this.mvc.perform(get("/admin/accounts").with(as(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(view().name(AccountController.LIST))
			.andExpect(content().string(containsString("admin")))
			.andExpect(content().string(not(containsString("{bcrypt}"))));
	}

	@ParameterizedTest
	@EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
	void refusesAccountsToOtherRoles(Role role) throws Exception {
		Account account = this.accountService.create(username(), PASSWORD, Set.of(Role.MEMBER), null);
		this.mvc.perform(get("/admin/accounts").with(as(role))).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/accounts/{id}", account.getId()).with(as(role))).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/accounts").with(as(role)).with(csrf()).param("username", username()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/accounts/{id}/password", account.getId()).with(as(role)).with(csrf())
			.param("password", "nytt-långt-lösenord")
			.param("passwordConfirmation", "nytt-långt-lösenord")).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/accounts/{id}/enabled", account.getId()).with(as(role)).with(csrf())
			.param("enabled", "false")).andExpect(status().isForbidden());
		assertThat(this.accounts.findById(account.getId()).orElseThrow().isEnabled()).isTrue();
	}

	@Test
	void sendsAnonymousVisitorsToTheLogin() throws Exception {
		this.mvc.perform(get("/admin/accounts")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/admin/accounts/1")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(post("/admin/accounts").with(csrf())).andExpect(redirectedUrl("/login"));
		this.mvc.perform(post("/admin/accounts/1/password").with(csrf())).andExpect(redirectedUrl("/login"));
		this.mvc.perform(post("/admin/accounts/1/enabled").with(csrf())).andExpect(redirectedUrl("/login"));
	}

	@Test
	void createsAnAccountWithAHashedPasswordAndAPersonLink() throws Exception {
		Person person = OrganisationFixtures.person(this.organisation);
		String username = username();
		this.mvc.perform(post("/admin/accounts").with(as(Role.ADMIN)).with(csrf())
			.param("username", username)
			.param("roles", "SECRETARY", "MEMBER")
			.param("personId", person.getId().toString())
			.param("password", PASSWORD)
			.param("passwordConfirmation", PASSWORD)).andExpect(redirectedUrl("/admin/accounts"));
		Account account = this.accounts.findByUsername(username).orElseThrow();
		assertThat(account.getRoles()).containsExactlyInAnyOrder(Role.SECRETARY, Role.MEMBER);
		assertThat(account.getPersonId()).isEqualTo(person.getId());
		assertThat(account.getPasswordHash()).isNotEqualTo(PASSWORD);
		assertThat(this.passwordEncoder.matches(PASSWORD, account.getPasswordHash())).isTrue();
	}

	@Test
	void refusesShortPasswordsMismatchesMissingRolesAndBadUsernames() throws Exception {
		long before = this.accounts.count();
		this.mvc.perform(post("/admin/accounts").with(as(Role.ADMIN)).with(csrf())
			.param("username", "Med Mellanslag")
			.param("password", "kort")
			.param("passwordConfirmation", "kort"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("accountForm", "username", "password", "roles"))
			.andExpect(content().string(containsString("minst 12 tecken")))
			.andExpect(content().string(containsString("Välj minst en roll")))
			.andExpect(content().string(not(containsString("value=\"kort\""))));
		this.mvc.perform(post("/admin/accounts").with(as(Role.ADMIN)).with(csrf())
			.param("username", username())
			.param("roles", "MEMBER")
			.param("password", PASSWORD)
			.param("passwordConfirmation", PASSWORD + "x"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("accountForm", "passwordConfirmation"))
			.andExpect(content().string(containsString("Lösenorden är inte lika")));
		this.mvc.perform(post("/admin/accounts").with(as(Role.ADMIN)).with(csrf())
			.param("username", username())
			.param("roles", "KING")
			.param("password", PASSWORD)
			.param("passwordConfirmation", PASSWORD))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("accountForm", "roles"));
		assertThat(this.accounts.count()).isEqualTo(before);
	}

	@Test
	void refusesATakenUsername() throws Exception {
		long before = this.accounts.count();
		this.mvc.perform(post("/admin/accounts").with(as(Role.ADMIN)).with(csrf())
			.param("username", "admin")
			.param("roles", "ADMIN")
			.param("password", PASSWORD)
			.param("passwordConfirmation", PASSWORD))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("accountForm", "username"))
			.andExpect(content().string(containsString("Användarnamnet admin finns redan")));
		assertThat(this.accounts.count()).isEqualTo(before);
	}

	@Test
	void resetsAPassword() throws Exception {
		Account account = this.accountService.create(username(), PASSWORD, Set.of(Role.MEMBER), null);
		this.mvc.perform(get("/admin/accounts/{id}", account.getId()).with(as(Role.ADMIN)))
			.andExpect(status().isOk())
			.andExpect(view().name(AccountController.DETAIL))
			.andExpect(content().string(not(containsString(account.getPasswordHash()))));
		this.mvc.perform(post("/admin/accounts/{id}/password", account.getId()).with(as(Role.ADMIN)).with(csrf())
			.param("password", "kort")
			.param("passwordConfirmation", "kort"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("passwordForm", "password"));
		this.mvc.perform(post("/admin/accounts/{id}/password", account.getId()).with(as(Role.ADMIN)).with(csrf())
			.param("password", "nytt-långt-lösenord")
			.param("passwordConfirmation", "annat-långt-lösenord"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("passwordForm", "passwordConfirmation"));
		assertThat(this.passwordEncoder.matches(PASSWORD,
				this.accounts.findById(account.getId()).orElseThrow().getPasswordHash())).isTrue();
		this.mvc.perform(post("/admin/accounts/{id}/password", account.getId()).with(as(Role.ADMIN)).with(csrf())
			.param("password", "nytt-långt-lösenord")
			.param("passwordConfirmation", "nytt-långt-lösenord"))
			.andExpect(redirectedUrl("/admin/accounts/" + account.getId()));
		assertThat(this.passwordEncoder.matches("nytt-långt-lösenord",
				this.accounts.findById(account.getId()).orElseThrow().getPasswordHash())).isTrue();
	}

	@Test
	void disablesAndEnablesAnAccountButNotOnesOwn() throws Exception {
		Account account = this.accountService.create(username(), PASSWORD, Set.of(Role.MEMBER), null);
		this.mvc.perform(post("/admin/accounts/{id}/enabled", account.getId()).with(as(Role.ADMIN)).with(csrf())
			.param("enabled", "false")).andExpect(redirectedUrl("/admin/accounts/" + account.getId()));
		assertThat(this.accounts.findById(account.getId()).orElseThrow().isEnabled()).isFalse();
		this.mvc.perform(post("/admin/accounts/{id}/enabled", account.getId()).with(as(Role.ADMIN)).with(csrf())
			.param("enabled", "true"));
		assertThat(this.accounts.findById(account.getId()).orElseThrow().isEnabled()).isTrue();
		this.mvc.perform(post("/admin/accounts/{id}/enabled", account.getId())
			.with(user(account.getUsername()).roles("ADMIN"))
			.with(csrf())
			.param("enabled", "false"));
		assertThat(this.accounts.findById(account.getId()).orElseThrow().isEnabled()).isTrue();
	}

	@Test
	void answersNotFoundForAnUnknownAccount() throws Exception {
		this.mvc.perform(get("/admin/accounts/{id}", Long.MAX_VALUE).with(as(Role.ADMIN)))
			.andExpect(status().isNotFound());
	}

}
