package se.paragraf.people;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.shared.security.PersonDirectory;

/**
 * Links a single sign-on account to the person with the e-mail address the provider vouches for.
 * Two persons with one address are ambiguous, so neither is linked.
 */
@Component
class PersonsByEmail implements PersonDirectory {

	private final Persons persons;

	PersonsByEmail(Persons persons) {
		this.persons = persons;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Long> personWithEmail(String email) {
		List<Person> found = this.persons.findByEmailIgnoreCase(email.strip());
		return found.size() == 1 ? Optional.of(found.get(0).getId()) : Optional.empty();
	}

}
