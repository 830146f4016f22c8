package se.paragraf.people.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A new password for an account, typed twice by the admin.
 */
record PasswordForm(@NotBlank @Size(min = 12, max = 200) @Nullable String password,
		@Size(max = 200) @Nullable String passwordConfirmation) {

	static PasswordForm empty() {
		return new PasswordForm(null, null);
	}

}
