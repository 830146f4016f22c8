package se.paragraf.people;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The administrations.
 */
public interface Administrations extends JpaRepository<Administration, Long> {

}
