package se.paragraf.people;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The persons.
 */
public interface Persons extends JpaRepository<Person, Long> {

}
