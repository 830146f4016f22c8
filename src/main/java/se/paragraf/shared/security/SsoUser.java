package se.paragraf.shared.security;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * An account signed on by the OpenID provider: the account as every other sign-in gives it
 * ({@link CurrentUser} reads it the same way), together with the ID token that logging out hands
 * back to the provider.
 */
final class SsoUser extends ParagrafUser implements OidcUser {

	private static final long serialVersionUID = 1L;

	private final OidcIdToken idToken;

	private final @Nullable OidcUserInfo userInfo;

	SsoUser(ParagrafUser account, OidcUser signedOn) {
		super(account);
		this.idToken = signedOn.getIdToken();
		this.userInfo = signedOn.getUserInfo();
	}

	@Override
	public Map<String, Object> getClaims() {
		return this.userInfo == null ? this.idToken.getClaims() : mergedClaims();
	}

	private Map<String, Object> mergedClaims() {
		Map<String, Object> claims = new java.util.HashMap<>(this.idToken.getClaims());
		claims.putAll(this.userInfo.getClaims());
		return claims;
	}

	@Override
	public @Nullable OidcUserInfo getUserInfo() {
		return this.userInfo;
	}

	@Override
	public OidcIdToken getIdToken() {
		return this.idToken;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return getClaims();
	}

	/** The account's username, recorded in history as for any other sign-in. */
	@Override
	public String getName() {
		return getUsername();
	}

}
