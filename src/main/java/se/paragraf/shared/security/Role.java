package se.paragraf.shared.security;

/**
 * What an account may do. Authorities are {@code ROLE_<name>}.
 */
public enum Role {

	/** Maintains the organisation and accounts. */
	ADMIN,
	/** Board secretary: meetings, agendas, notices, minutes. */
	SECRETARY,
	/** Case officer: registers matters and writes officer reports. */
	CASE_OFFICER,
	/** Economist: budgets. */
	ECONOMIST,
	/** Member of a board: reads notices, signs as chair or checker. */
	MEMBER,
	/** Substitute: reads notices "för kännedom". */
	SUBSTITUTE;

	public String authority() {
		return "ROLE_" + name();
	}

}
