package se.paragraf.shared.security;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed sign-ins for this username or from this address: refused until the lock ends,
 * even with the right password.
 */
public class LoginThrottledException extends AuthenticationException {

	private final Instant lockedUntil;

	LoginThrottledException(Instant lockedUntil) {
		super("Too many failed sign-ins; locked until " + lockedUntil);
		this.lockedUntil = lockedUntil;
	}

	public Instant getLockedUntil() {
		return this.lockedUntil;
	}

}
