package se.paragraf.shared.security;

import java.util.Arrays;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the signed-in user may see, for templates: {@code th:if="${@access.any('ADMIN','SECRETARY')}"}.
 * Thymeleaf's {@code sec:authorize} parses and evaluates a Spring Security expression every time it is
 * met, which was a seventh of the time it took to draw a signed-in page; this reads the authorities
 * that the request's authentication already holds. Only for what a page shows: who may do what is
 * decided by the security configuration and the services, never by a hidden button.
 */
@Component("access")
public class PageAccess {

	/** Signed in, as {@code isAuthenticated()} means it (an anonymous reader is not). */
	public boolean signedIn() {
		return signedInAuthentication() != null;
	}

	/** Holds at least one of the roles, by their names ({@code ADMIN}, {@code SECRETARY}, …). */
	public boolean any(String... roles) {
		Authentication authentication = signedInAuthentication();
		if (authentication == null) {
			return false;
		}
		Set<String> held = AuthorityUtils.authorityListToSet(authentication.getAuthorities());
		return Arrays.stream(roles).anyMatch(role -> held.contains("ROLE_" + role));
	}

	/** The signed-in account's name, as the page header shows it. */
	public String name() {
		Authentication authentication = signedInAuthentication();
		return authentication == null ? "" : authentication.getName();
	}

	private static @Nullable Authentication signedInAuthentication() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken) ? authentication : null;
	}

}
