package se.paragraf.people;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The municipalities.
 */
public interface Municipalities extends JpaRepository<Municipality, Long> {

}
