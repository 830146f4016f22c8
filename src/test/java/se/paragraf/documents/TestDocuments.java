package se.paragraf.documents;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Documents for the masking tests, standing in for the modules that own real documents. Each test
 * registers its own under a unique key, as the tests share one database.
 */
@Component
public class TestDocuments implements MaskableDocuments {

	private final Map<String, MaskableDocument> documents = new ConcurrentHashMap<>();

	@Override
	public Optional<MaskableDocument> find(String documentKey) {
		return Optional.ofNullable(this.documents.get(documentKey));
	}

	/** Registers a document under a fresh key, returning to {@code /meetings}. */
	public MaskableDocument add(String title, MaskableSection... sections) {
		MaskableDocument document = new MaskableDocument("test-" + UUID.randomUUID(), title, "/meetings",
				List.of(sections));
		this.documents.put(document.key(), document);
		return document;
	}

	/** Replaces a document's sections, as when its owner publishes a new version. */
	public MaskableDocument change(MaskableDocument document, MaskableSection... sections) {
		MaskableDocument changed = new MaskableDocument(document.key(), document.title(), document.returnUrl(),
				List.of(sections));
		this.documents.put(document.key(), changed);
		return changed;
	}

}
