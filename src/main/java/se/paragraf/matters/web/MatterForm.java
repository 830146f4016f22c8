package se.paragraf.matters.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Registering a matter: the board, the title, and for a migrated matter the number it already has.
 */
record MatterForm(@NotBlank @Size(max = 12) String board, @NotBlank @Size(max = 500) String title,
		@Size(max = 30) @Pattern(regexp = "^$|^\\s*[A-Za-zÅÄÖåäö]{1,12}\\s*\\d{4}\\s*/\\s*\\d{1,6}\\s*$") String diaryNumber) {

	static MatterForm empty(String board) {
		return new MatterForm(board, "", "");
	}

}
