package se.paragraf.shared.security;

import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Two ways in: the JSON API under {@code /api} with HTTP Basic and no session, and the pages with a
 * login form and CSRF tokens. What a role may do is declared on each controller
 * ({@code @PreAuthorize}); here only what is public is named.
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

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, PUBLIC_API_READS)
				.permitAll()
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(problem(HttpStatus.UNAUTHORIZED)))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problem(HttpStatus.UNAUTHORIZED))
				.accessDeniedHandler(denied()))
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
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'self'")))
			.csrf(Customizer.withDefaults())
			.build();
	}

	private static AuthenticationEntryPoint problem(HttpStatus status) {
		return (request, response, ex) -> {
			response.setStatus(status.value());
			response.setHeader("WWW-Authenticate", "Basic realm=\"Paragraf\"");
			writeProblem(response, status, "Inloggning krävs.");
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
