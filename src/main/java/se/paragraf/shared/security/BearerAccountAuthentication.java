package se.paragraf.shared.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * An API call with a bearer token from the single sign-on provider: the account the token's claims
 * stand for, read by {@link CurrentUser} like any other sign-in.
 */
final class BearerAccountAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final ParagrafUser account;

	private final Jwt token;

	BearerAccountAuthentication(ParagrafUser account, Jwt token) {
		super(account.getAuthorities());
		this.account = account;
		this.token = token;
		setAuthenticated(true);
	}

	@Override
	public Jwt getCredentials() {
		return this.token;
	}

	@Override
	public ParagrafUser getPrincipal() {
		return this.account;
	}

}
