package se.paragraf.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.paragraf.people.OrganisationFixtures;
import se.paragraf.shared.security.LoginEvent.Outcome;

/**
 * Repeated failed sign-ins lock the username (5 in a row) and the client address (20), through the
 * form and HTTP Basic alike; a locked sign-in is refused even with the right password, an unknown
 * username behaves exactly like a real one, and an administrator can lift a lock.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LoginThrottlingTests {

	private static final String PASSWORD = "ett-långt-lösenord";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	LoginEvents events;

	@Autowired
	LoginThrottle throttle;

	private static String account() {
		return OrganisationFixtures.unique("inlogg").toLowerCase();
	}

	/** Each test signs in from its own address, so address counts do not mix. */
	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static String address() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	private String formLogin(String username, String password, String address) throws Exception {
		return this.mvc
			.perform(post("/login").param("username", username).param("password", password).with(csrf()).with(from(address)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private List<String> fiveWrongThenRight(String username, String address) throws Exception {
		List<String> answers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			answers.add(formLogin(username, "fel-lösenord-" + i, address));
		}
		answers.add(formLogin(username, PASSWORD, address));
		return answers;
	}

	@Test
	void fiveWrongPasswordsLockTheAccountAndTheRightOneIsThenRefused() throws Exception {
		String username = account();
		this.accounts.create(username, PASSWORD, Set.of(Role.MEMBER), null);
		assertThat(fiveWrongThenRight(username, address())).containsExactly("/login?error", "/login?error",
				"/login?error", "/login?error", "/login?locked", "/login?locked");
		this.mvc.perform(get("/login").param("locked", ""))
			.andExpect(content().string(containsString("För många misslyckade inloggningsförsök")));
	}

	@Test
	void anUnknownUsernameIsAnsweredExactlyLikeAnAccount() throws Exception {
		String existing = account();
		this.accounts.create(existing, PASSWORD, Set.of(Role.MEMBER), null);
		assertThat(fiveWrongThenRight(account(), address())).isEqualTo(fiveWrongThenRight(existing, address()));
	}

	@Test
	void theRightPasswordAfterFewerFailuresSignsInAndForgetsThem() throws Exception {
		String username = account();
		this.accounts.create(username, PASSWORD, Set.of(Role.MEMBER), null);
		String address = address();
		for (int i = 0; i < 4; i++) {
			assertThat(formLogin(username, "fel", address)).isEqualTo("/login?error");
		}
		assertThat(formLogin(username, PASSWORD, address)).isEqualTo("/");
		for (int i = 0; i < 4; i++) {
			assertThat(formLogin(username, "fel", address)).isEqualTo("/login?error");
		}
		assertThat(formLogin(username, PASSWORD, address)).isEqualTo("/");
	}

	@Test
	void theApiAnswers429WithRetryAfterAndASwedishDetailWhileLocked() throws Exception {
		String username = account();
		this.accounts.create(username, PASSWORD, Set.of(Role.MEMBER), null);
		String address = address();
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(get("/api/v1/boards").with(httpBasic(username, "fel")).with(from(address)))
				.andExpect(status().isUnauthorized());
		}
		this.mvc.perform(get("/api/v1/boards").with(httpBasic(username, "fel")).with(from(address)))
			.andExpect(status().isTooManyRequests());
		this.mvc.perform(get("/api/v1/boards").with(httpBasic(username, PASSWORD)).with(from(address)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "900"))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail").value(containsString("För många misslyckade inloggningsförsök")));
		// The form is locked too: one count for both ways in.
		assertThat(formLogin(username, PASSWORD, address())).isEqualTo("/login?locked");
	}

	@Test
	void anAddressIsLockedAfterTwentyFailuresWhateverTheUsernames() throws Exception {
		String username = account();
		this.accounts.create(username, PASSWORD, Set.of(Role.MEMBER), null);
		String address = address();
		for (int i = 0; i < 19; i++) {
			assertThat(formLogin(account(), "fel", address)).isEqualTo("/login?error");
		}
		assertThat(formLogin(account(), "fel", address)).isEqualTo("/login?locked");
		assertThat(formLogin(username, PASSWORD, address)).isEqualTo("/login?locked");
		assertThat(formLogin(username, PASSWORD, address())).isEqualTo("/");
	}

	@Test
	void failuresAndLocksAreRecorded() throws Exception {
		String username = account();
		String address = address();
		fiveWrongThenRight(username, address);
		List<LoginEvent> recorded = this.events.findByUsernameOrderByIdAsc(username);
		assertThat(recorded).extracting(LoginEvent::getOutcome)
			.containsExactly(Outcome.FAILED, Outcome.FAILED, Outcome.FAILED, Outcome.FAILED, Outcome.FAILED,
					Outcome.LOCKED);
		assertThat(recorded.get(0).getAddress()).isEqualTo(address);
		assertThat(recorded.get(5).getLockedUntil()).isNotNull();
	}

	@Test
	void anAdministratorSeesTheLockAndLiftsIt() throws Exception {
		String username = account();
		this.accounts.create(username, PASSWORD, Set.of(Role.MEMBER), null);
		fiveWrongThenRight(username, address());
		LoginFailures lock = this.throttle.locks()
			.stream()
			.filter(l -> l.getSubject().equals(username))
			.findFirst()
			.orElseThrow();
		this.mvc.perform(get("/admin/accounts").with(user("admin").roles("ADMIN")))
			.andExpect(content().string(containsString("/admin/accounts/locks/" + lock.getId() + "/removal")))
			.andExpect(content().string(containsString("spärrat till")));
		this.mvc.perform(post("/admin/accounts/locks/{id}/removal", lock.getId()).with(user("admin").roles("ADMIN"))
			.with(csrf())).andExpect(redirectedUrl("/admin/accounts"));
		assertThat(formLogin(username, PASSWORD, address())).isEqualTo("/");
		assertThat(this.events.findByUsernameOrderByIdAsc(username)).last()
			.satisfies(event -> assertThat(event.getOutcome()).isEqualTo(Outcome.UNLOCKED))
			.satisfies(event -> assertThat(event.getActor()).isEqualTo("admin"));
	}

	@Test
	void onlyAnAdministratorMayLiftALock() throws Exception {
		String username = account();
		fiveWrongThenRight(username, address());
		Long id = this.throttle.locks()
			.stream()
			.filter(l -> l.getSubject().equals(username))
			.findFirst()
			.orElseThrow()
			.getId();
		this.mvc.perform(post("/admin/accounts/locks/{id}/removal", id).with(user("sekr").roles("SECRETARY")).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.throttle.locks()).extracting(LoginFailures::getId).contains(id);
	}

}
