package se.paragraf.documents;

import java.util.Optional;

/**
 * Implemented by the module that owns documents (meetings implements it for notices and minutes).
 * The masking review asks every implementation in turn; exactly one should know a given key.
 */
public interface MaskableDocuments {

	/** The document with this key, if this module owns it; empty otherwise. */
	Optional<MaskableDocument> find(String documentKey);

}
