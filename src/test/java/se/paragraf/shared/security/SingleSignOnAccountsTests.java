package se.paragraf.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.people.OrganisationFixtures;
import se.paragraf.people.ReadingRights;

/**
 * How what a single sign-on provider says about a user becomes a Paragraf account (the default
 * mapping of README and docs/operations.md, and a configured one): created at the first sign-in,
 * changed when the groups change, never let in while disabled or without a role, never taking over a
 * password account, and never signing in with a password. No provider is needed: the claims are
 * what Keycloak or Entra ID would send ({@code SingleSignOnKeycloakTests} gets them from Keycloak).
 */
@SpringBootTest
@AutoConfigureMockMvc
class SingleSignOnAccountsTests {

	private static final String ISSUER = "https://login.example.se/realms/gsn";

	@Autowired
	SsoAccounts sso;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountService accountService;

	@Autowired
	Organisation organisation;

	@Autowired
	ReadingRights readingRights;

	@Autowired
	PersonDirectory persons;

	@Autowired
	LoginEvents events;

	@Autowired
	Clock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private static String name() {
		return OrganisationFixtures.unique("sso").replace(' ', '-').toLowerCase();
	}

	private static Map<String, Object> claims(String subject, String username, String email, Object groups) {
		Map<String, Object> claims = new HashMap<>();
		claims.put("sub", subject);
		claims.put("preferred_username", username);
		claims.put("email", email);
		claims.put("groups", groups);
		return claims;
	}

	private Account account(String subject) {
		return this.accounts.findByIssuerAndSubject(ISSUER, subject).orElseThrow();
	}

	@Test
	void theFirstSignInCreatesAnAccountWithTheRolesAndBoardsOfItsGroupsLinkedToThePersonByEmail() {
		Board board = OrganisationFixtures.jointBoard(this.organisation);
		String username = name();
		String email = username + "@example.se";
		Long person = this.organisation.addPerson("Sara", "Sekreterare", email, null).getId();

		ParagrafUser user = this.sso.signOn(ISSUER, claims("s-" + username, username, email.toUpperCase(),
				List.of("/paragraf-secretary", "/Ludvika/paragraf-board-" + board.getCode() + "-substitute", "all-staff")));

		Account account = account("s-" + username);
		assertThat(account.getUsername()).isEqualTo(username);
		assertThat(account.getRoles()).containsExactlyInAnyOrder(Role.SECRETARY, Role.SUBSTITUTE);
		assertThat(account.getBoards()).containsExactly(board.getCode());
		assertThat(account.getPersonId()).isEqualTo(person);
		assertThat(account.hasPassword()).isFalse();
		assertThat(user.getAuthorities()).extracting(Object::toString)
			.containsExactlyInAnyOrder("ROLE_SECRETARY", "ROLE_SUBSTITUTE");
	}

	@Test
	void changedGroupsChangeTheRolesAndBoardsAtTheNextSignInAndTheNameStays() {
		Board first = OrganisationFixtures.jointBoard(this.organisation);
		Board second = OrganisationFixtures.jointBoard(this.organisation);
		String username = name();
		this.sso.signOn(ISSUER, claims("c-" + username, username, null,
				List.of("paragraf-board-" + first.getCode() + "-member", "paragraf-economist")));
		assertThat(account("c-" + username).getRoles()).containsExactlyInAnyOrder(Role.MEMBER, Role.ECONOMIST);

		this.sso.signOn(ISSUER, claims("c-" + username, "renamed-" + username, null,
				List.of("paragraf-board-" + second.getCode() + "-member")));

		Account account = account("c-" + username);
		assertThat(account.getRoles()).containsExactly(Role.MEMBER);
		assertThat(account.getBoards()).containsExactly(second.getCode());
		assertThat(account.getUsername()).as("history refers to the name").isEqualTo(username);
	}

	@Test
	void anAccountDisabledByAnAdminStaysDisabledAndCannotSignInThroughSso() {
		String username = name();
		this.sso.signOn(ISSUER, claims("d-" + username, username, null, List.of("paragraf-secretary")));
		this.accountService.setEnabled(account("d-" + username).getId(), false);

		assertThatThrownBy(() -> this.sso.signOn(ISSUER,
				claims("d-" + username, username, null, List.of("paragraf-secretary", "paragraf-admin"))))
			.isInstanceOfSatisfying(OAuth2AuthenticationException.class,
					refused -> assertThat(refused.getError().getErrorCode()).isEqualTo(SsoAccounts.DISABLED));

		Account account = account("d-" + username);
		assertThat(account.isEnabled()).isFalse();
		assertThat(account.getRoles()).as("a refused sign-in changes nothing").containsExactly(Role.SECRETARY);
		assertThat(this.events.findAll()).anyMatch(e -> username.equals(e.getUsername()));
	}

	@Test
	void groupsGrantingNoRoleAreRefusedAndCreateNoAccount() {
		String username = name();
		assertThatThrownBy(() -> this.sso.signOn(ISSUER, claims("n-" + username, username, null, List.of("all-staff"))))
			.isInstanceOfSatisfying(OAuth2AuthenticationException.class,
					refused -> assertThat(refused.getError().getErrorCode()).isEqualTo(SsoAccounts.NO_ROLE));
		assertThat(this.accounts.findByIssuerAndSubject(ISSUER, "n-" + username)).isEmpty();
		assertThat(this.accountService.exists(username)).isFalse();
	}

	@Test
	void anAccountWhoseGroupsAreAllTakenAwayLosesItsRolesAndIsRefused() {
		String username = name();
		this.sso.signOn(ISSUER, claims("r-" + username, username, null, List.of("paragraf-admin")));
		assertThatThrownBy(() -> this.sso.signOn(ISSUER, claims("r-" + username, username, null, List.of())))
			.isInstanceOf(OAuth2AuthenticationException.class);
		assertThat(account("r-" + username).getRoles()).isEmpty();
	}

	@Test
	void aProviderUserNamedLikeAPasswordAccountGetsAnAccountOfItsOwn() {
		String username = name();
		this.accountService.create(username, "ett-långt-lösenord", Set.of(Role.ECONOMIST), null);

		this.sso.signOn(ISSUER, claims("t-" + username, username, null, List.of("paragraf-admin")));

		assertThat(account("t-" + username).getUsername()).isEqualTo(username + "-sso");
		Account password = this.accounts.findByUsername(username).orElseThrow();
		assertThat(password.getRoles()).containsExactly(Role.ECONOMIST);
		assertThat(password.isSingleSignOn()).isFalse();
	}

	@Test
	void aSingleSignOnAccountCannotSignInWithAPasswordThroughTheFormOrHttpBasic() throws Exception {
		String username = name();
		this.sso.signOn(ISSUER, claims("p-" + username, username, null, List.of("paragraf-admin")));

		this.mvc.perform(post("/login").param("username", username).param("password", "").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(post("/login").param("username", username).param("password", "x").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(get("/api/v1/boards").with(httpBasic(username, ""))).andExpect(status().isUnauthorized());
	}

	@Test
	void anAdminCannotGiveASingleSignOnAccountAPassword() throws Exception {
		String username = name();
		this.sso.signOn(ISSUER, claims("w-" + username, username, null, List.of("paragraf-economist")));
		Long id = account("w-" + username).getId();

		this.mvc
			.perform(post("/admin/accounts/" + id + "/password").param("password", "ett-långt-lösenord")
				.param("passwordConfirmation", "ett-långt-lösenord")
				.with(csrf())
				.with(user(this.accountService.loadUserByUsername("admin"))))
			.andExpect(redirectedUrl("/admin/accounts/" + id))
			.andExpect(flash().attribute("error", "Kontot loggar in med enkel inloggning och har inget lösenord i Paragraf."));

		assertThat(account("w-" + username).hasPassword()).isFalse();
		String page = this.mvc.perform(get("/admin/accounts/" + id).with(user(this.accountService.loadUserByUsername("admin"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Enkel inloggning (SSO) genom " + ISSUER).doesNotContain("Byt lösenord");
	}

	@Test
	void aMembersBoardGroupOpensThatBoardsSecretsAndNoOtherBoards() {
		Board own = OrganisationFixtures.jointBoard(this.organisation);
		Board other = OrganisationFixtures.jointBoard(this.organisation);
		String username = name();
		ParagrafUser member = this.sso.signOn(ISSUER,
				claims("m-" + username, username, null, List.of("paragraf-board-" + own.getCode().toLowerCase() + "-member")));
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities()));

		assertThat(this.readingRights.readsSecretsOf(own.getId())).isTrue();
		assertThat(this.readingRights.readsSecretsOf(other.getId())).isFalse();
		assertThat(this.readingRights.reach().secretBoards()).containsExactly(own.getId());
	}

	@Test
	void aConfiguredMappingReadsNestedRolesAndOtherGroupNames() {
		// Keycloak's realm roles, or Entra ID's app roles under "roles", named as the installation chose.
		SsoSettings settings = new SsoSettings(ISSUER, "paragraf", "secret", "Entra ID", List.of("openid"), "oid", "upn",
				"email", "realm_access.roles", Map.of(Role.SECRETARY, "Nämndsekreterare"), "nämnd:{board}:{role}", "");
		SsoAccounts mapped = new SsoAccounts(this.accounts, this.persons, settings, this.events, this.clock,
				this.transactions);
		Board board = OrganisationFixtures.jointBoard(this.organisation);
		String username = name();
		Map<String, Object> claims = new HashMap<>();
		claims.put("oid", "o-" + username);
		claims.put("sub", "pairwise-" + username);
		claims.put("upn", username + "@Ludvika.se");
		claims.put("realm_access", Map.of("roles",
				List.of("nämndsekreterare", "nämnd:" + board.getCode() + ":substitute", "paragraf-admin")));

		mapped.signOn(ISSUER, claims);

		Account account = account("o-" + username);
		assertThat(account.getUsername()).isEqualTo(username + "@ludvika.se");
		assertThat(account.getRoles()).as("the default admin group still maps; the secretary's was renamed")
			.containsExactlyInAnyOrder(Role.SECRETARY, Role.SUBSTITUTE, Role.ADMIN);
		assertThat(account.getBoards()).containsExactly(board.getCode());
	}

	@Test
	void switchingPasswordsOffWithoutAProviderIsRefusedAtStart() {
		SsoSettings none = new SsoSettings("", "", "", "SSO", List.of(), "sub", "preferred_username", "email", "groups",
				null, "paragraf-board-{board}-{role}", "");
		assertThatThrownBy(() -> new SignInOptions(false, none)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("nobody could sign in");
		assertThat(new SignInOptions(true, none).singleSignOn()).isFalse();
	}

	@Test
	void withoutAProviderTheLoginPageIsTheOneOfBefore() throws Exception {
		String page = this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("name=\"password\"").doesNotContain("oauth2/authorization");
	}

}
