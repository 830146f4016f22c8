package se.paragraf.people;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The persons.
 */
public interface Persons extends JpaRepository<Person, Long> {

	List<Person> findByEmailIgnoreCase(String email);

}
