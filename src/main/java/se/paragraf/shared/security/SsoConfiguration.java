package se.paragraf.shared.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * Single sign-on with an OpenID Connect provider, only when {@code paragraf.security.sso.issuer-uri}
 * is set: the client registration read from the provider's discovery document, the user service
 * that maps a signed-on user to a Paragraf account, and the decoder of the provider's bearer tokens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${paragraf.security.sso.issuer-uri:}' != ''")
class SsoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SsoConfiguration.class);

	@Bean
	ClientRegistrationRepository clientRegistrations(SsoSettings settings) {
		ClientRegistration registration = ClientRegistrations.fromIssuerLocation(settings.issuerUri())
			.registrationId(SsoSettings.REGISTRATION_ID)
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.scope(settings.scopes())
			.clientName(settings.providerName())
			.userNameAttributeName(settings.subjectClaim())
			.build();
		log.info("Single sign-on with {} ({}) as client '{}'", settings.providerName(), settings.issuerUri(),
				settings.clientId());
		return new InMemoryClientRegistrationRepository(registration);
	}

	/** Signs the user on to the Paragraf account the claims stand for (see {@link SsoAccounts}). */
	@Bean
	OAuth2UserService<OidcUserRequest, OidcUser> ssoUserService(SsoAccounts accounts) {
		OidcUserService provider = new OidcUserService();
		return request -> {
			OidcUser signedOn = provider.loadUser(request);
			ParagrafUser account = accounts.signOn(signedOn.getIdToken().getIssuer().toString(), signedOn.getClaims());
			return new SsoUser(account, signedOn);
		};
	}

	/**
	 * Bearer tokens: signed by the provider's keys, issued by it, unexpired by the application's clock,
	 * and naming the configured audience when one is set.
	 */
	@Bean
	JwtDecoder ssoJwtDecoder(SsoSettings settings, ClientRegistrationRepository registrations, Clock clock) {
		// The keys' address comes from the discovery document already read; the keys themselves are
		// fetched at the first token (and again when the provider rotates them), not at start.
		String keys = registrations.findByRegistrationId(SsoSettings.REGISTRATION_ID).getProviderDetails().getJwkSetUri();
		SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
		timeouts.setConnectTimeout(Duration.ofSeconds(10));
		timeouts.setReadTimeout(Duration.ofSeconds(30));
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keys).restOperations(new RestTemplate(timeouts)).build();
		JwtTimestampValidator unexpired = new JwtTimestampValidator();
		unexpired.setClock(clock);
		List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>(
				List.of(new JwtIssuerValidator(settings.issuerUri()), unexpired));
		if (!settings.audience().isBlank()) {
			checks.add(new JwtClaimValidator<Collection<String>>("aud",
					aud -> aud != null && aud.contains(settings.audience())));
		}
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(checks));
		return decoder;
	}

}
