package se.paragraf.people;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The persons.
 */
public interface Persons extends JpaRepository<Person, Long> {

	List<Person> findByEmailIgnoreCase(String email);

	/** As {@code findAllById}, written as a query: its plan is kept, where a criteria query is built anew each call. */
	@Query("select p from Person p where p.id in :ids")
	List<Person> withIds(Collection<Long> ids);

}
