package se.paragraf.documents.masking;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The review marks, one per reviewed document.
 */
public interface ReviewMarks extends JpaRepository<ReviewMark, String> {

}
