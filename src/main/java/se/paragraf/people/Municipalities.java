package se.paragraf.people;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The municipalities.
 */
public interface Municipalities extends JpaRepository<Municipality, Long> {

	boolean existsByCode(String code);

	boolean existsByNameIgnoreCase(String name);

	Optional<Municipality> findByCode(String code);

}
