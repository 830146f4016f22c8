package se.paragraf.shared.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import se.paragraf.shared.security.LoginEvent.Outcome;

/**
 * Turns what a single sign-on provider says about a user (the claims of an ID token, user info or a
 * bearer token) into a Paragraf account: found by the provider's issuer and subject, created on the
 * first sign-in, and given the roles and boards its groups map to on every sign-in. The account is
 * linked to the person with the e-mail address of the claims. A disabled account stays disabled
 * whatever the provider says, and a user whose groups map to no role is refused.
 */
@Service
public class SsoAccounts {

	private static final Logger log = LoggerFactory.getLogger(SsoAccounts.class);

	/** OAuth2 error codes of a refused sign-in; the login page names each in words. */
	static final String DISABLED = "paragraf_account_disabled";

	static final String NO_ROLE = "paragraf_no_role";

	private static final int USERNAME_LENGTH = 100;

	private final Accounts accounts;

	private final PersonDirectory persons;

	private final SsoSettings settings;

	private final LoginEvents events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final Pattern boardGroups;

	SsoAccounts(Accounts accounts, PersonDirectory persons, SsoSettings settings, LoginEvents events, Clock clock,
			PlatformTransactionManager transactions) {
		this.accounts = accounts;
		this.persons = persons;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.boardGroups = settings.boardGroups();
	}

	/** What the claims grant: a proposed username, the e-mail address, the roles and the board codes. */
	record Claimed(String subject, String username, @Nullable String email, Set<Role> roles, Set<String> boards) {
	}

	/**
	 * The account the claims stand for, created or brought up to date.
	 * @throws OAuth2AuthenticationException when the account is disabled or the groups grant no role
	 */
	ParagrafUser signOn(String issuer, Map<String, Object> claims) {
		Claimed claimed = read(claims);
		for (int attempt = 1;; attempt++) {
			try {
				Account account = this.transaction.execute(status -> upToDate(issuer, claimed));
				if (account == null || !account.isEnabled()) {
					refuse(claimed, DISABLED, "the account is disabled in Paragraf");
				}
				if (account.getRoles().isEmpty()) {
					refuse(claimed, NO_ROLE, "no group of the user maps to a role in Paragraf");
				}
				return new ParagrafUser(account);
			}
			catch (DataIntegrityViolationException race) {
				// The same user's first sign-in on another node (or tab) created the account: take it.
				if (attempt == 3) {
					throw race;
				}
			}
		}
	}

	private Account upToDate(String issuer, Claimed claimed) {
		Optional<Long> person = claimed.email() == null ? Optional.empty()
				: this.persons.personWithEmail(claimed.email());
		Optional<Account> found = this.accounts.findByIssuerAndSubject(issuer, claimed.subject());
		if (found.isPresent()) {
			Account account = found.get();
			if (!account.isEnabled()) {
				// Refused below; what the provider says now is not taken in.
				return account;
			}
			// Without a person of that address the link an administrator made stays.
			if (account.takeClaims(claimed.roles(), claimed.boards(), person.orElse(account.getPersonId()))) {
				log.info("Single sign-on account '{}' now has roles {} and boards {}", account.getUsername(),
						claimed.roles(), claimed.boards());
			}
			return account;
		}
		if (claimed.roles().isEmpty()) {
			// Nobody without a role gets an account just by trying.
			return Account.signedOn(claimed.username(), issuer, claimed.subject(), Set.of(), Set.of(), null);
		}
		String username = freeUsername(claimed);
		Account account = this.accounts.saveAndFlush(Account.signedOn(username, issuer, claimed.subject(),
				claimed.roles(), claimed.boards(), person.orElse(null)));
		log.info("Created single sign-on account '{}' with roles {} and boards {}", username, claimed.roles(),
				claimed.boards());
		return account;
	}

	/** The proposed name, unless a password account (or another provider's user) has it already. */
	private String freeUsername(Claimed claimed) {
		for (String candidate : List.of(claimed.username(), claimed.username() + "-sso", "sso-" + claimed.subject())) {
			String name = shorten(candidate);
			if (!this.accounts.existsByUsername(name)) {
				return name;
			}
		}
		throw new OAuth2AuthenticationException(new OAuth2Error("paragraf_username_taken"),
				"No free username for " + claimed.username());
	}

	private void refuse(Claimed claimed, String code, String why) {
		String username = LoginThrottle.subject(claimed.username());
		this.transaction.executeWithoutResult(
				status -> this.events.save(new LoginEvent(this.clock.instant(), Outcome.FAILED, username, null, null, null)));
		log.info("Single sign-on refused for '{}': {}", username, why);
		throw new OAuth2AuthenticationException(new OAuth2Error(code), why);
	}

	/** Reads the claims by the configured mapping. */
	Claimed read(Map<String, Object> claims) {
		String subject = text(claims, this.settings.subjectClaim());
		if (subject == null) {
			throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token"),
					"The claims name no subject (" + this.settings.subjectClaim() + ")");
		}
		String email = text(claims, this.settings.emailClaim());
		String name = text(claims, this.settings.usernameClaim());
		String username = (name != null ? name : email != null ? email : subject).toLowerCase(Locale.ROOT);
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Set<String> boards = new TreeSet<>();
		for (String group : groups(claims)) {
			this.settings.roleGroups().forEach((role, roleGroup) -> {
				if (roleGroup.equalsIgnoreCase(group)) {
					roles.add(role);
				}
			});
			Matcher board = this.boardGroups.matcher(group);
			if (board.matches()) {
				boards.add(board.group("board").toUpperCase(Locale.ROOT));
				roles.add(this.settings.boardGroupPattern().contains("{role}")
						&& board.group("role").equalsIgnoreCase("substitute") ? Role.SUBSTITUTE : Role.MEMBER);
			}
		}
		return new Claimed(subject, username, email, roles, boards);
	}

	/** The groups claim as a list of names; a group path ({@code /paragraf/paragraf-secretary}) counts by its last part. */
	private List<String> groups(Map<String, Object> claims) {
		Object value = claims;
		for (String key : this.settings.groupsClaim().split("\\.")) {
			value = value instanceof Map<?, ?> map ? map.get(key) : null;
		}
		List<String> groups = new ArrayList<>();
		if (value instanceof Collection<?> list) {
			list.forEach(group -> groups.add(String.valueOf(group)));
		}
		else if (value instanceof String text) {
			groups.addAll(List.of(text.split("[\\s,]+")));
		}
		return groups.stream()
			.map(String::strip)
			.map(group -> group.substring(group.lastIndexOf('/') + 1))
			.filter(StringUtils::hasText)
			.toList();
	}

	private static @Nullable String text(Map<String, Object> claims, String name) {
		Object value = claims.get(name);
		return value == null || !StringUtils.hasText(value.toString()) ? null : value.toString().strip();
	}

	private static String shorten(String name) {
		return name.length() > USERNAME_LENGTH ? name.substring(0, USERNAME_LENGTH) : name;
	}

}
