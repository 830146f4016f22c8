package se.paragraf.shared.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Service-level tests acting as a real account (signing minutes checks who signs): puts the
 * account's user, as the login would, into the security context of the current thread.
 */
public final class SignedIn {

	private SignedIn() {
	}

	public static void as(AccountService accounts, String username) {
		UserDetails user = accounts.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	public static void out() {
		SecurityContextHolder.clearContext();
	}

}
