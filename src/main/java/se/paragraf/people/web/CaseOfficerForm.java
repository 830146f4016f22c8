package se.paragraf.people.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A person who signs officer reports for an administration, with the title they sign with.
 */
record CaseOfficerForm(@NotNull @Nullable Long personId, @NotNull @Nullable Long administrationId,
		@NotBlank @Size(max = 200) @Nullable String title) {

	static CaseOfficerForm empty() {
		return new CaseOfficerForm(null, null, null);
	}

}
