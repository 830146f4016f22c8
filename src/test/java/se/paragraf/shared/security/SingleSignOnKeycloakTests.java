package se.paragraf.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.paragraf.people.BoardKind;
import se.paragraf.people.Organisation;
import se.paragraf.people.OrganisationFixtures;
import se.paragraf.shared.TestClock;

/**
 * Single sign-on against a real provider (Keycloak, {@link Keycloak}): API calls with its bearer
 * tokens get the rights of the role their groups map to, and nothing else (expired, foreign-issuer,
 * foreign-audience and made-up tokens are 401); signing in through Keycloak's own login form creates
 * the account with its role, and logging out ends Keycloak's session too; groups changed at the
 * provider change the roles; an account disabled in Paragraf stays out whatever the provider says.
 */
@Tag("keycloak")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SingleSignOnKeycloakTests {

	/** A secretary-only API operation (an unknown meeting has no dispatches: 200 with none). */
	private static final String SECRETARIES_ONLY = "/api/v1/meetings/999999/dispatches";

	/** Any signed-in role. */
	private static final String SIGNED_IN = "/api/v1/boards";

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		registry.add("paragraf.security.sso.issuer-uri", () -> Keycloak.get().issuer());
		registry.add("paragraf.security.sso.client-id", () -> Keycloak.CLIENT_ID);
		registry.add("paragraf.security.sso.client-secret", () -> Keycloak.CLIENT_SECRET);
		registry.add("paragraf.security.sso.provider-name", () -> "Keycloak");
		registry.add("paragraf.security.sso.audience", () -> "paragraf");
	}

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountService accountService;

	@Autowired
	Organisation organisation;

	@Autowired
	TestClock clock;

	private final HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@BeforeEach
	void theSsoBoardAndPersons() {
		if (this.organisation.findBoard("SSO").isEmpty()) {
			var host = OrganisationFixtures.municipality(this.organisation);
			this.organisation.addBoard("SSO", "Nämnden för inloggningsprov", BoardKind.JOINT, host.getId(), null,
					Set.of(OrganisationFixtures.municipality(this.organisation).getId()));
		}
	}

	@AfterEach
	void releaseTheClock() {
		this.clock.release();
	}

	@Test
	void aBearerTokenFromTheProviderGetsTheRightsOfItsMappedRoleAndCreatesTheAccount() throws Exception {
		Long ulrika = personWithEmail("ulrika.sso@example.se");
		String token = Keycloak.get().accessToken("sso-sekreterare");

		assertThat(call(SIGNED_IN, token).statusCode()).isEqualTo(200);
		assertThat(call(SECRETARIES_ONLY, token).statusCode()).isEqualTo(200);

		Account account = ssoAccount("sso-sekreterare");
		assertThat(account.getRoles()).containsExactly(Role.SECRETARY);
		assertThat(account.hasPassword()).isFalse();
		assertThat(account.getPersonId()).as("linked to the person by e-mail").isEqualTo(ulrika);
	}

	@Test
	void aMemberByBoardGroupReadsButMayNotActAsSecretary() throws Exception {
		String token = Keycloak.get().accessToken("sso-ledamot");

		assertThat(call(SIGNED_IN, token).statusCode()).isEqualTo(200);
		HttpResponse<String> refused = call(SECRETARIES_ONLY, token);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("Din roll ger inte behörighet");
		Account account = ssoAccount("sso-ledamot");
		assertThat(account.getRoles()).containsExactly(Role.MEMBER);
		assertThat(account.getBoards()).containsExactly("SSO");
	}

	@Test
	void anApiClientsOwnTokenActsWithTheRoleOfItsServiceAccountsGroup() throws Exception {
		String token = Keycloak.get().clientToken("paragraf-api-client", "api-client-test-secret");

		assertThat(call("/api/v1/boards/SSO/matters", token).statusCode()).isEqualTo(200);
		assertThat(call(SECRETARIES_ONLY, token).statusCode()).isEqualTo(403);
		assertThat(ssoAccount("service-account-paragraf-api-client").getRoles()).containsExactly(Role.CASE_OFFICER);
	}

	@Test
	void anExpiredTokenIsRefusedWith401() throws Exception {
		String token = Keycloak.get().accessToken("sso-sekreterare");
		assertThat(call(SIGNED_IN, token).statusCode()).isEqualTo(200);

		// Keycloak's tokens live 5 minutes; the application's clock says an hour has passed.
		this.clock.pin(Instant.now().plus(Duration.ofHours(1)));
		HttpResponse<String> refused = call(SIGNED_IN, token);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().allValues("WWW-Authenticate")).anyMatch(h -> h.contains("invalid_token"));
		assertThat(refused.body()).contains("Token är ogiltig eller har gått ut");
	}

	@Test
	void aTokenOfAnotherIssuerOrAudienceOrMadeUpIsRefusedWith401() throws Exception {
		Keycloak keycloak = Keycloak.get();
		// Same realm, same keys, reached by another name: its tokens name another issuer.
		String otherIssuer = keycloak.accessToken(keycloak.issuerByOtherName(), Keycloak.CLIENT_ID, Keycloak.CLIENT_SECRET,
				"sso-sekreterare");
		String otherAudience = keycloak.accessToken(keycloak.issuer(), "other-audience", "other-test-secret",
				"sso-sekreterare");

		assertThat(call(SIGNED_IN, otherIssuer).statusCode()).isEqualTo(401);
		assertThat(call(SIGNED_IN, otherAudience).statusCode()).isEqualTo(401);
		assertThat(call(SIGNED_IN, "eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl").statusCode()).isEqualTo(401);
		assertThat(call(SIGNED_IN, null).statusCode()).isEqualTo(401);
	}

	@Test
	void groupsChangedAtTheProviderChangeTheRolesAtTheNextSignIn() throws Exception {
		Keycloak keycloak = Keycloak.get();
		assertThat(call(SECRETARIES_ONLY, keycloak.accessToken("sso-ekonom")).statusCode()).isEqualTo(403);
		assertThat(ssoAccount("sso-ekonom").getRoles()).containsExactly(Role.ECONOMIST);

		keycloak.setGroup("sso-ekonom", "paragraf-secretary", true);
		keycloak.setGroup("sso-ekonom", "paragraf-economist", false);
		try {
			assertThat(call(SECRETARIES_ONLY, keycloak.accessToken("sso-ekonom")).statusCode()).isEqualTo(200);
			assertThat(ssoAccount("sso-ekonom").getRoles()).containsExactly(Role.SECRETARY);
		}
		finally {
			keycloak.setGroup("sso-ekonom", "paragraf-economist", true);
			keycloak.setGroup("sso-ekonom", "paragraf-secretary", false);
		}
	}

	@Test
	void aUserWhoseGroupsGrantNoRoleGetsNoAccount() throws Exception {
		HttpResponse<String> refused = call(SIGNED_IN, Keycloak.get().accessToken("sso-utan-roll"));
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("ingen roll");
		assertThat(this.accounts.findAll()).noneMatch(a -> a.getUsername().startsWith("sso-utan-roll"));
		assertThat(signOnThroughTheLoginPage(browser(), "sso-utan-roll").uri().toString()).endsWith("/login?ssoNoRole");
	}

	@Test
	void signingInThroughKeycloaksLoginPageLandsWithTheRoleAndLoggingOutEndsKeycloaksSession() throws Exception {
		HttpClient browser = browser();
		HttpResponse<String> landed = signOnThroughTheLoginPage(browser, "sso-webb");
		assertThat(landed.uri().toString()).isEqualTo(paragraf("/"));
		assertThat(ssoAccount("sso-webb").getRoles()).containsExactly(Role.SECRETARY);
		assertThat(get(browser, paragraf("/meetings")).statusCode()).as("a secretary's page").isEqualTo(200);

		// Logging out goes by Keycloak's end-session endpoint and back to the login page.
		String csrf = Jsoup.parse(get(browser, paragraf("/meetings")).body()).selectFirst("input[name=_csrf]").val();
		HttpResponse<String> out = browser.send(HttpRequest.newBuilder(URI.create(paragraf("/logout")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(out.uri().toString()).isEqualTo(paragraf("/login?logout"));
		assertThat(out.body()).contains("Du är utloggad");
		assertThat(get(browser, paragraf("/meetings")).uri().toString()).as("Paragraf's session ended")
			.isEqualTo(paragraf("/login"));

		// Keycloak's session ended too: signing in again asks for the password instead of passing straight through.
		HttpResponse<String> again = get(browser, paragraf("/oauth2/authorization/sso"));
		assertThat(again.uri().toString()).startsWith(Keycloak.get().issuer());
		assertThat(Jsoup.parse(again.body()).selectFirst("form#kc-form-login")).isNotNull();
	}

	@Test
	void anAccountDisabledInParagrafCannotSignInThroughTheProvider() throws Exception {
		String token = Keycloak.get().accessToken("sso-avstangd");
		assertThat(call(SIGNED_IN, token).statusCode()).isEqualTo(200);
		Account account = ssoAccount("sso-avstangd");
		this.accountService.setEnabled(account.getId(), false);
		try {
			HttpResponse<String> refused = call(SIGNED_IN, Keycloak.get().accessToken("sso-avstangd"));
			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(refused.body()).contains("Kontot är avstängt");

			HttpResponse<String> page = signOnThroughTheLoginPage(browser(), "sso-avstangd");
			assertThat(page.uri().toString()).isEqualTo(paragraf("/login?ssoDisabled"));
			assertThat(page.body()).contains("Ditt konto i Paragraf är avstängt");
			assertThat(this.accounts.findById(account.getId()).orElseThrow().isEnabled()).as("still disabled").isFalse();
		}
		finally {
			this.accountService.setEnabled(account.getId(), true);
		}
	}

	@Test
	void theLoginPageOffersTheProviderBesideThePasswordForm() throws Exception {
		Document login = Jsoup.parse(get(browser(), paragraf("/login")).body());
		Element link = login.selectFirst("a[href$=/oauth2/authorization/sso]");
		assertThat(link).isNotNull();
		assertThat(link.text()).isEqualTo("Logga in med Keycloak");
		assertThat(login.selectFirst("input[name=password]")).isNotNull();
	}

	/** Starts at Paragraf's single sign-on link, fills in Keycloak's own login form and follows where it leads. */
	private HttpResponse<String> signOnThroughTheLoginPage(HttpClient browser, String username) throws Exception {
		HttpResponse<String> loginPage = get(browser, paragraf("/oauth2/authorization/sso"));
		assertThat(loginPage.uri().toString()).startsWith(Keycloak.get().issuer());
		Element form = Jsoup.parse(loginPage.body(), loginPage.uri().toString()).selectFirst("form#kc-form-login");
		assertThat(form).as("Keycloak's login form").isNotNull();
		String body = Map.of("username", username, "password", Keycloak.PASSWORD, "credentialId", "")
			.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return browser.send(HttpRequest.newBuilder(URI.create(form.absUrl("action")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A client with its own cookies that follows redirects, as a browser does. */
	private static HttpClient browser() {
		return HttpClient.newBuilder()
			.cookieHandler(new LoopbackCookies())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "sv").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> call(String path, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(paragraf(path)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.api.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String paragraf(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private Account ssoAccount(String username) {
		return this.accounts.findAll()
			.stream()
			.filter(a -> a.isSingleSignOn() && a.getUsername().equals(username))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no single sign-on account " + username));
	}

	private Long personWithEmail(String email) {
		return this.organisation.persons()
			.stream()
			.filter(p -> email.equals(p.getEmail()))
			.findFirst()
			.orElseGet(() -> this.organisation.addPerson("Ulrika", "Nordblad-SSO", email, null))
			.getId();
	}

}
