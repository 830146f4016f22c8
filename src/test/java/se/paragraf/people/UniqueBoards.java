package se.paragraf.people;

import java.util.Random;
import java.util.Set;

import se.paragraf.shared.RuleViolation;

/**
 * Boards and municipalities with unique names and codes, for tests that share one database.
 */
public final class UniqueBoards {

	private static final Random RANDOM = new Random();

	private UniqueBoards() {
	}

	/** A municipality with a fresh four-digit code (as Kolada knows municipalities). */
	public static Municipality municipality(Organisation organisation) {
		for (int attempt = 0; attempt < 50; attempt++) {
			String code = String.valueOf(1000 + RANDOM.nextInt(9000));
			try {
				return organisation.addMunicipality("Kommun " + code + "-" + RANDOM.nextInt(1_000_000), code);
			}
			catch (RuleViolation | org.springframework.dao.DataIntegrityViolationException ex) {
				// code taken by another test: draw again
			}
		}
		throw new IllegalStateException("No free municipality code");
	}

	/** An ordinary board of the municipality. */
	public static Board board(Organisation organisation, Municipality municipality) {
		String code = PeopleFixtures.uniqueCode();
		return organisation.addBoard(code, "Testnämnden " + code, BoardKind.ORDINARY, municipality.getId(), null, Set.of());
	}

	/** A joint board hosted by the first municipality and serving the second too. */
	public static Board jointBoard(Organisation organisation, Municipality host, Municipality partner) {
		String code = "J" + PeopleFixtures.uniqueCode();
		return organisation.addBoard(code, "Gemensamma testnämnden " + code, BoardKind.JOINT, host.getId(), null,
				Set.of(partner.getId()));
	}

}
