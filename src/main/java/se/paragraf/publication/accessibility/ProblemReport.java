package se.paragraf.publication.accessibility;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A visitor's report of an accessibility problem: what went wrong, where, and how to answer them.
 */
record ProblemReport(@NotBlank @Size(max = 5000) String description, @Nullable @Size(max = 500) String page,
		@Nullable @Email @Size(max = 200) String contact) {

	static ProblemReport empty() {
		return new ProblemReport("", "", "");
	}

}
