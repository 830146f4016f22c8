package se.paragraf.shared.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in account as Spring Security holds it, with the person it stands for.
 */
class ParagrafUser extends User {

	private final @Nullable Long personId;

	ParagrafUser(Account account) {
		super(account.getUsername(), account.getPasswordHash(), account.isEnabled(), true, true, true,
				account.getRoles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
		this.personId = account.getPersonId();
	}

	@Nullable Long personId() {
		return this.personId;
	}

}
