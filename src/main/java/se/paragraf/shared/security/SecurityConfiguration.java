package se.paragraf.shared.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two ways in: the JSON API under {@code /api} with HTTP Basic and no session, and the pages with a
 * login form and CSRF tokens. What a role may do is declared on each controller
 * ({@code @PreAuthorize}); here only what is public is named. Both check passwords through the
 * {@link LoginThrottle}, which locks a username or an address after repeated failures. With a single
 * sign-on provider configured ({@link SsoConfiguration}) the pages also sign in through it (OpenID
 * Connect, logging out of the provider too) and the API also takes its bearer tokens; passwords can
 * then be switched off ({@link SignInOptions}).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

	/** Public documents and the plumbing every visitor needs; everything else needs a login. */
	static final String[] PUBLIC_PAGES = { "/", "/login", "/error", "/public/**", "/oparl/**", "/css/**", "/js/**", "/fonts/**",
			"/images/**", "/webjars/**", "/favicon.ico", "/actuator/health", "/actuator/health/**", "/v3/api-docs",
			"/v3/api-docs/**" };

	/** API reads anyone may make; credentials, when sent, still count (search answers by role). */
	static final String[] PUBLIC_API_READS = { "/api/v1/search" };

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** The one way passwords are checked, for the form and HTTP Basic alike. */
	@Bean
	AuthenticationProvider authenticationProvider(AccountService accounts, PasswordEncoder passwordEncoder,
			LoginThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
		passwords.setPasswordEncoder(passwordEncoder);
		AccountStatusUserDetailsChecker status = new AccountStatusUserDetailsChecker();
		passwords.setPreAuthenticationChecks(user -> {
			status.check(user);
			// A single sign-on account has no password: the provider alone signs it in.
			if (user instanceof ParagrafUser account && !account.hasPassword()) {
				throw new BadCredentialsException("No password");
			}
		});
		return new ThrottledAuthenticationProvider(passwords, throttle);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, Clock clock, SignInOptions options, ObjectProvider<JwtDecoder> bearer,
			ObjectProvider<SsoAccounts> ssoAccounts) throws Exception {
		AuthenticationEntryPoint signInRequired = signInRequired(clock, options);
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, PUBLIC_API_READS)
				.permitAll()
				.anyRequest()
				.authenticated());
		if (options.passwordLogin()) {
			http.httpBasic(basic -> basic.authenticationEntryPoint(signInRequired));
		}
		JwtDecoder decoder = bearer.getIfAvailable();
		if (decoder != null) {
			SsoAccounts accounts = ssoAccounts.getObject();
			http.oauth2ResourceServer(resource -> resource.authenticationEntryPoint(signInRequired)
				.jwt(jwt -> jwt.decoder(decoder)
					.jwtAuthenticationConverter(token -> new BearerAccountAuthentication(
							accounts.signOn(token.getClaimAsString("iss"), token.getClaims()), token))));
		}
		return http.exceptionHandling(errors -> errors.authenticationEntryPoint(signInRequired)
				.accessDeniedHandler(denied()))
			.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(REFERRER_POLICY)))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Stateless Basic-authenticated clients send no cookies a forged page could ride on.
			.csrf(csrf -> csrf.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, SignInOptions options,
			ObjectProvider<ClientRegistrationRepository> registrations,
			ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> ssoUsers) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PAGES)
			.permitAll()
			.anyRequest()
			.authenticated());
		if (options.passwordLogin()) {
			http.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler(loginFailed())
				.permitAll());
		}
		ClientRegistrationRepository sso = registrations.getIfAvailable();
		if (sso != null) {
			http.oauth2Login(login -> login.loginPage("/login")
				.clientRegistrationRepository(sso)
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(ssoUsers.getObject()))
				.defaultSuccessUrl("/", false)
				.failureHandler(ssoFailed()));
		}
		return http.logout(logout -> logout.logoutSuccessHandler(loggedOut(sso)))
			.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(REFERRER_POLICY))
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'self'")))
			.csrf(Customizer.withDefaults())
			.build();
	}

	/** Other sites learn where a link was followed from, never which page (paths name matters). */
	static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN;

	/** A locked sign-in says so, in the same words whether or not the account exists. */
	private static ExceptionMappingAuthenticationFailureHandler loginFailed() {
		ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
		handler.setDefaultFailureUrl("/login?error");
		handler.setExceptionMappings(Map.of(LoginThrottledException.class.getName(), "/login?locked"));
		return handler;
	}

	/** A sign-on the provider allowed but Paragraf refuses says why: a disabled account, or no role. */
	private static AuthenticationFailureHandler ssoFailed() {
		return (request, response, ex) -> {
			String code = ex instanceof OAuth2AuthenticationException refused ? refused.getError().getErrorCode() : "";
			String reason = switch (code) {
				case SsoAccounts.DISABLED -> "ssoDisabled";
				case SsoAccounts.NO_ROLE -> "ssoNoRole";
				default -> "ssoFailed";
			};
			response.sendRedirect(request.getContextPath() + "/login?" + reason);
		};
	}

	/**
	 * After logging out, back to the login page; a single sign-on user is first sent to the provider's
	 * end-session endpoint (RP-initiated logout), which ends the provider's session and sends her back.
	 */
	private static LogoutSuccessHandler loggedOut(@org.jspecify.annotations.Nullable ClientRegistrationRepository sso) {
		SimpleUrlLogoutSuccessHandler handler;
		if (sso != null) {
			OidcClientInitiatedLogoutSuccessHandler provider = new OidcClientInitiatedLogoutSuccessHandler(sso);
			provider.setPostLogoutRedirectUri("{baseUrl}/login?logout");
			handler = provider;
		}
		else {
			handler = new SimpleUrlLogoutSuccessHandler();
		}
		handler.setDefaultTargetUrl("/login?logout");
		return handler;
	}

	/**
	 * 401 asking for credentials (Basic and, with single sign-on, Bearer), or 429 with Retry-After while
	 * the sign-in is locked.
	 */
	private static AuthenticationEntryPoint signInRequired(Clock clock, SignInOptions options) {
		return (request, response, ex) -> {
			if (ex instanceof LoginThrottledException locked) {
				long seconds = Math.max(1, Duration.between(clock.instant(), locked.getLockedUntil()).toSeconds() + 1);
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
				writeProblem(response, HttpStatus.TOO_MANY_REQUESTS,
						"För många misslyckade inloggningsförsök. Inloggningen är spärrad i " + ((seconds + 59) / 60)
								+ " minuter till.");
				return;
			}
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			if (options.passwordLogin()) {
				response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Paragraf\"");
			}
			boolean badToken = ex instanceof OAuth2AuthenticationException;
			if (options.singleSignOn()) {
				response.addHeader(HttpHeaders.WWW_AUTHENTICATE,
						badToken ? "Bearer realm=\"Paragraf\", error=\"invalid_token\"" : "Bearer realm=\"Paragraf\"");
			}
			writeProblem(response, HttpStatus.UNAUTHORIZED, !badToken ? "Inloggning krävs." : refusal(ex));
		};
	}

	/** Why a bearer token was not taken: the account's standing in Paragraf, or the token itself. */
	private static String refusal(AuthenticationException ex) {
		String code = ((OAuth2AuthenticationException) ex).getError().getErrorCode();
		return switch (code) {
			case SsoAccounts.DISABLED -> "Kontot är avstängt i Paragraf.";
			case SsoAccounts.NO_ROLE -> "Kontot har ingen roll i Paragraf.";
			default -> "Token är ogiltig eller har gått ut.";
		};
	}

	private static AccessDeniedHandler denied() {
		return (request, response, ex) -> {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			writeProblem(response, HttpStatus.FORBIDDEN, "Din roll ger inte behörighet till detta.");
		};
	}

	private static void writeProblem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status,
			String detail) throws java.io.IOException {
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
					+ status.value() + ",\"detail\":\"" + detail + "\"}");
	}

}
