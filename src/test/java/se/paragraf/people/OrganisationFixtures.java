package se.paragraf.people;

import java.util.Random;
import java.util.Set;

/**
 * Unique organisation data for the shared test database: codes nobody else uses.
 */
public final class OrganisationFixtures {

	private static final Random RANDOM = new Random();

	private OrganisationFixtures() {
	}

	/** A board code of letters only (2–12), unlikely to be taken. */
	public static String boardCode() {
		StringBuilder code = new StringBuilder("T");
		for (int i = 0; i < 9; i++) {
			code.append((char) ('A' + RANDOM.nextInt(26)));
		}
		return code.toString();
	}

	/** A four-digit municipality code not yet in the database. */
	public static String municipalityCode(Organisation organisation) {
		Set<String> taken = new java.util.HashSet<>();
		organisation.municipalities().forEach(m -> taken.add(m.getCode()));
		while (true) {
			String code = String.valueOf(1000 + RANDOM.nextInt(9000));
			if (!taken.contains(code)) {
				return code;
			}
		}
	}

	public static String unique(String prefix) {
		return prefix + " " + Long.toString(Math.abs(RANDOM.nextLong()), 36);
	}

	public static Municipality municipality(Organisation organisation) {
		return organisation.addMunicipality(unique("Kommun"), municipalityCode(organisation));
	}

	/** A joint board of two fresh municipalities, hosted by the first. */
	public static Board jointBoard(Organisation organisation) {
		Municipality host = municipality(organisation);
		Municipality partner = municipality(organisation);
		return organisation.addBoard(boardCode(), unique("Nämnd"), BoardKind.JOINT, host.getId(), null,
				Set.of(partner.getId()));
	}

	public static Person person(Organisation organisation) {
		return organisation.addPerson("Test", unique("Person"), null, null);
	}

}
