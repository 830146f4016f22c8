package se.paragraf.meetings;

/**
 * What an agenda item is: one of the standard items, a matter from the register, or oral
 * information with no written basis.
 */
public enum AgendaItemKind {

	/** Val av justerare. */
	ELECTION_OF_CHECKERS,
	/** Anmälan av extra ärenden. */
	EXTRA_ITEMS,
	/** A matter from the register, with its officer report. */
	MATTER,
	/** Muntlig information, e.g. Information från verksamheten. */
	ORAL_INFORMATION;

	/** Standard items open the agenda in this order; matters follow; oral information closes it. */
	public boolean opensAgenda() {
		return this == ELECTION_OF_CHECKERS || this == EXTRA_ITEMS;
	}

}
