package se.paragraf.people;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Boards built for a test, each with its own code so tests can share one database.
 */
public final class PeopleFixtures {

	private PeopleFixtures() {
	}

	/** A unique board code of letters, e.g. TQXZB. */
	public static String uniqueCode() {
		StringBuilder code = new StringBuilder("T");
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < 7; i++) {
			code.append((char) ('A' + random.nextInt(26)));
		}
		return code.toString();
	}

	/**
	 * A joint board of two new municipalities with a chair, two members, a substitute, a secretary
	 * and a case officer, all on a term that covers the test dates (2020–2030).
	 */
	public static BoardWithPeople jointBoard(Organisation organisation) {
		String code = uniqueCode();
		Municipality host = municipality(organisation, "Värd " + code);
		Municipality partner = municipality(organisation, "Partner " + code);
		Administration administration = organisation.addAdministration("Förvaltning " + code, host.getId(), null);
		Board board = organisation.addBoard(code, "Nämnd " + code.toLowerCase(Locale.ROOT), BoardKind.JOINT,
				host.getId(), administration.getId(), Set.of(partner.getId()));
		Person chair = seat(organisation, board, "Ordf", MembershipRole.CHAIR);
		seat(organisation, board, "Ledamot1", MembershipRole.MEMBER);
		seat(organisation, board, "Ledamot2", MembershipRole.MEMBER);
		Person substitute = seat(organisation, board, "Ersättare", MembershipRole.SUBSTITUTE);
		Person secretary = seat(organisation, board, "Sekreterare", MembershipRole.SECRETARY);
		Person officer = organisation.addPerson("Handläggare", code, "officer@example.se", "0240-100 00");
		CaseOfficer caseOfficer = organisation.addCaseOfficer(officer.getId(), administration.getId(), "IT-chef");
		return new BoardWithPeople(board, chair, substitute, secretary, caseOfficer);
	}

	/** One more person with a seat on the board, on the same term as the board's own (2020–2030). */
	public static Person seat(Organisation organisation, Board board, String firstName, MembershipRole role) {
		Person person = organisation.addPerson(firstName, board.getCode(), null, null);
		organisation.addMembership(person.getId(), board.getId(), role, LocalDate.of(2020, 1, 1),
				LocalDate.of(2030, 12, 31));
		return person;
	}

	/** A municipality under a free four-digit code; the shared test database may hold many. */
	private static Municipality municipality(Organisation organisation, String name) {
		for (int attempt = 0;; attempt++) {
			try {
				return organisation.addMunicipality(name,
						String.valueOf(ThreadLocalRandom.current().nextInt(1000, 10000)));
			}
			catch (se.paragraf.shared.RuleViolation taken) {
				if (attempt > 50) {
					throw taken;
				}
			}
		}
	}

	/** A test board and the people a test refers to. */
	public record BoardWithPeople(Board board, Person chair, Person substitute, Person secretary,
			CaseOfficer caseOfficer) {

		public String code() {
			return this.board.getCode();
		}

	}

}
