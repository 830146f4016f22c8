package se.paragraf.proceedings;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import se.paragraf.documents.MaskableDocument;
import se.paragraf.documents.MaskableDocuments;
import se.paragraf.documents.MaskableSection;
import se.paragraf.documents.Masking;
import se.paragraf.meetings.PublicTextFilter;

/**
 * Masking of personal data in the public variants of notices and minutes: the review screen reads
 * a meeting's documents section by section from here, and every section's text passes the masks
 * on its way into the public variant. The official variant is never masked.
 */
@Component
class PublicTextMasking implements PublicTextFilter, MaskableDocuments {

	private final Masking masking;

	// Asked lazily: the documents are composed by services that themselves run text through this filter.
	private final ObjectProvider<PublicDocuments> documents;

	PublicTextMasking(Masking masking, ObjectProvider<PublicDocuments> documents) {
		this.masking = masking;
		this.documents = documents;
	}

	@Override
	public String publicHtml(String documentKey, String sectionKey, String heading, String html) {
		return this.masking.masked(documentKey, new MaskableSection(sectionKey, heading, html));
	}

	@Override
	public Optional<MaskableDocument> find(String documentKey) {
		return this.documents.getObject()
			.find(documentKey)
			.map(document -> new MaskableDocument(document.key(), document.title(), document.returnUrl(),
					document.sections()
						.stream()
						.map(section -> new MaskableSection(section.key(), section.heading(), section.html()))
						.toList()));
	}

}
