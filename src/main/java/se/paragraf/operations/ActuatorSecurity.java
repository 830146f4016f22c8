package se.paragraf.operations;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import se.paragraf.shared.security.LoginThrottledException;
import se.paragraf.shared.security.Role;

/**
 * Who reads the actuator: health (liveness, readiness) and info are open to anyone, since load
 * balancers and orchestrators ask without credentials and learn only UP or DOWN; the metrics at
 * {@code /actuator/prometheus} need HTTP Basic as the scrape account
 * ({@code paragraf.metrics.username}/{@code .password}, an account of its own, not a person's) or
 * a signed-in administrator. Without a scrape password nobody but an administrator reads them.
 */
@Configuration
class ActuatorSecurity {

	static final String SCRAPE_AUTHORITY = "METRICS";

	/** Ahead of the API and page chains, which know nothing of the scrape account. */
	@Bean
	@Order(0)
	SecurityFilterChain actuator(HttpSecurity http, PasswordEncoder passwords,
			@Value("${paragraf.metrics.username:metrics}") String username,
			@Value("${paragraf.metrics.password:}") String password) throws Exception {
		return http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
				.permitAll()
				.anyRequest()
				.hasAnyAuthority(SCRAPE_AUTHORITY, Role.ADMIN.authority()))
			.httpBasic(basic -> basic.realmName("Paragraf metrics"))
			.authenticationManager(scrapeAccount(passwords, username, password))
			// An administrator's page session counts; a refused scrape leaves no session behind.
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable())
			.build();
	}

	private static AuthenticationManager scrapeAccount(PasswordEncoder passwords, String username, String password) {
		UserDetailsService users = password.isBlank() ? new InMemoryUserDetailsManager()
				: new InMemoryUserDetailsManager(User.withUsername(username)
					.password(passwords.encode(password))
					.authorities(SCRAPE_AUTHORITY)
					.build());
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwords);
		return new ProviderManager(provider);
	}

	/**
	 * Boot's publisher, also telling a sign-in refused by the throttle (a locked username or address)
	 * as a failure, so that {@code paragraf.logins.failed} counts it.
	 */
	@Bean
	DefaultAuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
		events.setAdditionalExceptionMappings(Map.of(LoginThrottledException.class, AuthenticationFailureLockedEvent.class));
		return events;
	}

}
