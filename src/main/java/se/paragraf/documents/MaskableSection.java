package se.paragraf.documents;

/**
 * One section of a document that can be masked for publication.
 * @param key identifies the section within its document (masks are kept per section key)
 * @param heading what the review screen shows above the section
 * @param html the section's official, unmasked content
 */
public record MaskableSection(String key, String heading, String html) {
}
