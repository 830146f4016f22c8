package se.paragraf.shared.security;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in account as Spring Security holds it, with the person it stands for and, for a
 * single sign-on account, the boards its groups name.
 */
class ParagrafUser extends User {

	private final @Nullable Long personId;

	private final Set<String> boards;

	private final boolean hasPassword;

	/** A copy, for a sign-in that wraps the account in more (the OpenID Connect user). */
	ParagrafUser(ParagrafUser account) {
		super(account.getUsername(), account.getPassword() == null ? "" : account.getPassword(), account.isEnabled(), true,
				true, true, account.getAuthorities());
		this.personId = account.personId;
		this.boards = account.boards;
		this.hasPassword = account.hasPassword;
	}

	ParagrafUser(Account account) {
		super(account.getUsername(), account.getPasswordHash(), account.isEnabled(), true, true, true,
				account.getRoles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
		this.personId = account.getPersonId();
		this.boards = account.getBoards();
		this.hasPassword = account.hasPassword();
	}

	@Nullable Long personId() {
		return this.personId;
	}

	Set<String> boards() {
		return this.boards;
	}

	/** A single sign-on account has none, so the password form and HTTP Basic refuse it. */
	boolean hasPassword() {
		return this.hasPassword;
	}

}
