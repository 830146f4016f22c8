package se.paragraf.people.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A new unit of an administration.
 */
record UnitForm(@NotNull @Nullable Long administrationId, @NotBlank @Size(max = 200) @Nullable String name) {

	static UnitForm empty() {
		return new UnitForm(null, null);
	}

}
