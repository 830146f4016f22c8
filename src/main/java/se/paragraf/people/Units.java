package se.paragraf.people;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The units of administrations.
 */
public interface Units extends JpaRepository<Unit, Long> {

}
