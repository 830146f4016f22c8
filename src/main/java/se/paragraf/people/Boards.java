package se.paragraf.people;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The boards.
 */
public interface Boards extends JpaRepository<Board, Long> {

	Optional<Board> findByCodeIgnoreCase(String code);

}
