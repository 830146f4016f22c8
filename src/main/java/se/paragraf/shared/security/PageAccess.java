package se.paragraf.shared.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
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
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	/** Holds at least one of the roles, by their names ({@code ADMIN}, {@code SECRETARY}, …). */
	public boolean any(String... roles) {
		if (!signedIn()) {
			return false;
		}
		for (GrantedAuthority granted : SecurityContextHolder.getContext().getAuthentication().getAuthorities()) {
			String authority = granted.getAuthority();
			for (String role : roles) {
				if (authority != null && authority.length() == role.length() + 5 && authority.startsWith("ROLE_")
						&& authority.endsWith(role)) {
					return true;
				}
			}
		}
		return false;
	}

	/** The signed-in account's name, as the page header shows it. */
	public String name() {
		return signedIn() ? SecurityContextHolder.getContext().getAuthentication().getName() : "";
	}

}
