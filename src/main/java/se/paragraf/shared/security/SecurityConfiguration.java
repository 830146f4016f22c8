package se.paragraf.shared.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two ways in: the JSON API under {@code /api} with HTTP Basic and no session, and the pages with a
 * login form and CSRF tokens. What a role may do is declared on each controller
 * ({@code @PreAuthorize}); here only what is public is named. Both check passwords through the
 * {@link LoginThrottle}, which locks a username or an address after repeated failures.
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
		return new ThrottledAuthenticationProvider(passwords, throttle);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, Clock clock) throws Exception {
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, PUBLIC_API_READS)
				.permitAll()
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(signInRequired(clock)))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(signInRequired(clock))
				.accessDeniedHandler(denied()))
			.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(REFERRER_POLICY)))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Stateless Basic-authenticated clients send no cookies a forged page could ride on.
			.csrf(csrf -> csrf.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PAGES)
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler(loginFailed())
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
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

	/** 401 asking for credentials, or 429 with Retry-After while the sign-in is locked. */
	private static AuthenticationEntryPoint signInRequired(Clock clock) {
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
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Paragraf\"");
			writeProblem(response, HttpStatus.UNAUTHORIZED, "Inloggning krävs.");
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
