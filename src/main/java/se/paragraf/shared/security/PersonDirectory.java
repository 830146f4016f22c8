package se.paragraf.shared.security;

import java.util.Optional;

/**
 * Finds the person a single sign-on account stands for. The organisation (module people) answers;
 * security only asks, since people depends on shared and not the other way round.
 */
public interface PersonDirectory {

	/** The one person with this e-mail address (case ignored); empty when none or several have it. */
	Optional<Long> personWithEmail(String email);

}
