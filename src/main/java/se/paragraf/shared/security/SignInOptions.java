package se.paragraf.shared.security;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The ways in the login page offers: the password form (unless switched off with
 * {@code paragraf.security.password-login.enabled=false}) and single sign-on, when a provider is
 * configured. At least one must be on, or nobody could sign in.
 */
@Component
public class SignInOptions {

	private final boolean passwordLogin;

	private final @Nullable String ssoProviderName;

	SignInOptions(@Value("${paragraf.security.password-login.enabled:true}") boolean passwordLogin, SsoSettings sso) {
		this.passwordLogin = passwordLogin;
		this.ssoProviderName = sso.enabled() ? sso.providerName() : null;
		if (!passwordLogin && !sso.enabled()) {
			throw new IllegalStateException("Password login is switched off (paragraf.security.password-login.enabled=false) "
					+ "and no single sign-on provider is configured (paragraf.security.sso.issuer-uri): nobody could sign in");
		}
	}

	/** Whether accounts sign in with a password (the form and HTTP Basic). */
	public boolean passwordLogin() {
		return this.passwordLogin;
	}

	/** Whether single sign-on is configured. */
	public boolean singleSignOn() {
		return this.ssoProviderName != null;
	}

	/** The provider's name for "Logga in med …", or null without single sign-on. */
	public @Nullable String ssoProviderName() {
		return this.ssoProviderName;
	}

	/** Where the login page's single sign-on link starts the sign-in. */
	public String ssoStart() {
		return "/oauth2/authorization/" + SsoSettings.REGISTRATION_ID;
	}

}
