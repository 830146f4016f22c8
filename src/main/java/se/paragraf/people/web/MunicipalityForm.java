package se.paragraf.people.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A new municipality: name and the four-digit code of Statistics Sweden.
 */
record MunicipalityForm(@NotBlank @Size(max = 200) @Nullable String name,
		@NotBlank @Size(max = 10) @Pattern(regexp = "\\s*\\d{4}\\s*") @Nullable String code) {

	static MunicipalityForm empty() {
		return new MunicipalityForm(null, null);
	}

}
