package se.paragraf.shared.security;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks username and password (form and HTTP Basic alike) unless the username or the client
 * address is locked after too many failures, and counts each failure.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		LoginThrottle.Standing standing = this.throttle.standing(username, address);
		if (standing.lockedUntil() != null) {
			throw new LoginThrottledException(standing.lockedUntil());
		}
		Authentication authenticated;
		try {
			authenticated = this.passwords.authenticate(authentication);
		}
		catch (AuthenticationException failed) {
			// Any failure counts (an unknown name and a disabled account too), so all look the same.
			Optional<Instant> lock = this.throttle.recordFailure(username, address);
			if (lock.isPresent()) {
				throw new LoginThrottledException(lock.get());
			}
			throw failed;
		}
		this.throttle.recordSuccess(username, standing);
		return authenticated;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
