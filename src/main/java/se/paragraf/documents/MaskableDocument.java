package se.paragraf.documents;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A document as the masking review sees it: its sections, and where the secretary returns after
 * the review.
 * @param key identifies the document among all modules' documents; it appears in URLs, so only
 * letters, digits and {@code . _ : -} (for example {@code minutes-42-v2})
 * @param title the document's title on the review screen
 * @param returnUrl a path in Paragraf (starting with one {@code /}) to return to
 * @param sections the sections in reading order
 */
public record MaskableDocument(String key, String title, String returnUrl, List<MaskableSection> sections) {

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

	public MaskableDocument {
		if (!isValidKey(key)) {
			throw new IllegalArgumentException("Document key must match " + KEY + ": " + key);
		}
		if (!returnUrl.startsWith("/") || returnUrl.startsWith("//") || returnUrl.contains("\\")) {
			throw new IllegalArgumentException("Return URL must be a path within Paragraf: " + returnUrl);
		}
		sections = List.copyOf(sections);
	}

	/** Whether a text can be a document key (letters, digits and {@code . _ : -}, at most 200). */
	public static boolean isValidKey(String key) {
		return KEY.matcher(key).matches();
	}

}
