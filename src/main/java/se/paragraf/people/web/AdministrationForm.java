package se.paragraf.people.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A new administration of a municipality, possibly under another administration.
 */
record AdministrationForm(@NotBlank @Size(max = 200) @Nullable String name, @NotNull @Nullable Long municipalityId,
		@Nullable Long parentId) {

	static AdministrationForm empty() {
		return new AdministrationForm(null, null, null);
	}

}
