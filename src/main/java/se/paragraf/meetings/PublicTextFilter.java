package se.paragraf.meetings;

/**
 * What a section of a published document may say to the public: the one place where masking of
 * personal data plugs into the public variants of notices and minutes. Every section of officer
 * report text, written attachment and minute section passes through it before the public variant
 * is rendered; withheld (secret) content never gets this far.
 * <p>
 * {@link PublicTextMasking} is the one bean, and a required one: a published document is never
 * composed without its masks. The document keys are {@link PublicText#noticeKey(Long)} and
 * {@link PublicText#minutesKey(Long)}, and {@link PublicDocuments#find(String)} lists a document's
 * sections with exactly the keys, headings and HTML that will be passed here.
 */
@FunctionalInterface
public interface PublicTextFilter {

	/**
	 * The section's HTML as the public variant shows it, with its masks applied.
	 * @param documentKey "notice-{meetingId}" or "minutes-{meetingId}"
	 * @param sectionKey the section within the document, e.g. "42.summary" or "§17.decision"
	 * @param heading how a reviewer recognises the section
	 * @param html the official, complete HTML of the section (already sanitised)
	 */
	String publicHtml(String documentKey, String sectionKey, String heading, String html);

}
