package se.paragraf.shared.security;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Single sign-on with an OpenID Connect provider ({@code paragraf.security.sso.*}); off while no
 * issuer is set. See docs/operations.md, "Single sign-on".
 *
 * @param issuerUri the provider's issuer, whose {@code /.well-known/openid-configuration} is read at start
 * @param clientId Paragraf's client id at the provider
 * @param clientSecret its secret
 * @param providerName shown on the login page: "Logga in med …"
 * @param scopes asked for at sign-in
 * @param subjectClaim the claim that identifies the user for good ({@code sub}; for Entra ID {@code oid},
 *        which is the same in ID and access tokens)
 * @param usernameClaim the claim naming a new account (taken once, when the account is created)
 * @param emailClaim the claim with the e-mail address that links the account to a person
 * @param groupsClaim the claim listing the user's groups or roles; a dotted path reaches into an
 *        object ({@code realm_access.roles})
 * @param roleGroups the group that grants each role (unset roles keep their default group)
 * @param boardGroupPattern the groups that seat a member or substitute on a board: {@code {board}}
 *        stands for the board's code, {@code {role}} for {@code member} or {@code substitute}
 * @param audience when set, a bearer token must name it in {@code aud}
 */
@ConfigurationProperties("paragraf.security.sso")
public record SsoSettings(@DefaultValue("") String issuerUri, @DefaultValue("") String clientId,
		@DefaultValue("") String clientSecret, @DefaultValue("SSO") String providerName,
		@DefaultValue({ "openid", "profile", "email" }) List<String> scopes,
		@DefaultValue("sub") String subjectClaim, @DefaultValue("preferred_username") String usernameClaim, @DefaultValue("email") String emailClaim,
		@DefaultValue("groups") String groupsClaim, @Nullable Map<Role, String> roleGroups,
		@DefaultValue("paragraf-board-{board}-{role}") String boardGroupPattern, @DefaultValue("") String audience) {

	/** The registration id, in the redirect URI the provider must allow: {@code /login/oauth2/code/sso}. */
	public static final String REGISTRATION_ID = "sso";

	private static final Map<Role, String> DEFAULT_ROLE_GROUPS = Map.of(Role.ADMIN, "paragraf-admin", Role.SECRETARY,
			"paragraf-secretary", Role.CASE_OFFICER, "paragraf-case-officer", Role.ECONOMIST, "paragraf-economist",
			Role.MEMBER, "paragraf-member", Role.SUBSTITUTE, "paragraf-substitute");

	public SsoSettings {
		Map<Role, String> groups = new EnumMap<>(DEFAULT_ROLE_GROUPS);
		if (roleGroups != null) {
			roleGroups.forEach((role, group) -> {
				if (StringUtils.hasText(group)) {
					groups.put(role, group.strip());
				}
			});
		}
		roleGroups = Map.copyOf(groups);
	}

	public boolean enabled() {
		return StringUtils.hasText(this.issuerUri);
	}

	/** The board group pattern as a regular expression with the groups {@code board} and {@code role}. */
	Pattern boardGroups() {
		String[] parts = this.boardGroupPattern.split("\\{board}|\\{role}", -1);
		StringBuilder regex = new StringBuilder();
		java.util.regex.Matcher placeholders = Pattern.compile("\\{board}|\\{role}").matcher(this.boardGroupPattern);
		int i = 0;
		while (placeholders.find()) {
			regex.append(Pattern.quote(parts[i++]));
			regex.append(placeholders.group().equals("{board}") ? "(?<board>\\p{L}{2,12})" : "(?<role>member|substitute)");
		}
		regex.append(Pattern.quote(parts[i]));
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
	}

}
