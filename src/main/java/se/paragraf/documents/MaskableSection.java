package se.paragraf.documents;

/**
 * One section of a document that can be masked for publication.
 * @param key identifies the section within its document (masks are kept per section key); at most
 * 200 characters
 * @param heading what the review screen shows above the section
 * @param html the section's official, unmasked content
 */
public record MaskableSection(String key, String heading, String html) {

	public MaskableSection {
		if (key.isBlank() || key.length() > 200) {
			throw new IllegalArgumentException("Section key must have 1 to 200 characters: " + key);
		}
	}

}
