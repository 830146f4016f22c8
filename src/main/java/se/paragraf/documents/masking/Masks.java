package se.paragraf.documents.masking;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The masks of all documents.
 */
public interface Masks extends JpaRepository<Mask, Long> {

	List<Mask> findByDocumentKeyOrderById(String documentKey);

	List<Mask> findByDocumentKeyAndSectionKeyOrderById(String documentKey, String sectionKey);

	Optional<Mask> findByDocumentKeyAndSectionKeyAndKindAndMatchKey(String documentKey, String sectionKey,
			se.paragraf.documents.MaskKind kind, String matchKey);

}
