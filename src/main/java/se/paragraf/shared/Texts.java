package se.paragraf.shared;

import org.jspecify.annotations.Nullable;

/**
 * How Paragraf reads optional text from forms and requests.
 */
public final class Texts {

	private Texts() {
	}

	/** An optional text: blank counts as absent, and what is there is trimmed. */
	public static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
