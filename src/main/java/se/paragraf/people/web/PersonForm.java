package se.paragraf.people.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import se.paragraf.people.Person;

/**
 * A person's details; {@code version} is the version the admin saw when editing.
 */
record PersonForm(@NotBlank @Size(max = 100) @Nullable String firstName,
		@NotBlank @Size(max = 100) @Nullable String lastName, @Email @Size(max = 200) @Nullable String email,
		@Size(max = 50) @Nullable String phone, @Nullable Long version) {

	static PersonForm empty() {
		return new PersonForm(null, null, null, null, null);
	}

	static PersonForm of(Person person) {
		return new PersonForm(person.getFirstName(), person.getLastName(), person.getEmail(), person.getPhone(),
				person.getVersion());
	}

	PersonForm withVersion(long current) {
		return new PersonForm(this.firstName, this.lastName, this.email, this.phone, current);
	}

}
