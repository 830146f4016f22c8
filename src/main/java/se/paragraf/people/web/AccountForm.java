package se.paragraf.people.web;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import se.paragraf.shared.security.Role;

/**
 * A new account with the initial password the admin types; there are no default passwords.
 */
record AccountForm(@NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9._-]+") @Nullable String username,
		@NotEmpty @Nullable Set<Role> roles, @Nullable Long personId,
		@NotBlank @Size(min = 12, max = 200) @Nullable String password, @Size(max = 200) @Nullable String passwordConfirmation) {

	static AccountForm empty() {
		return new AccountForm(null, Set.of(), null, null, null);
	}

}
