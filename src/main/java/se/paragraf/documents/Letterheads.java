package se.paragraf.documents;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Letterheads extends JpaRepository<Letterhead, Long> {

	Optional<Letterhead> findByOwnerKindAndOwnerId(LetterheadOwner ownerKind, Long ownerId);

}
