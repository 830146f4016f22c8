package se.paragraf.proceedings;

/**
 * How the board disposed of an item.
 */
public enum DecisionOutcome {

	/** Bifall: approved as proposed. */
	APPROVED,
	/** Approved with amendments (bifall med ändringar). */
	APPROVED_WITH_AMENDMENTS,
	/** Avslag. */
	REJECTED,
	/** Återremiss: sent back for further preparation, with a reason. */
	REMITTED,
	/** Bordläggning: postponed to a later meeting. */
	POSTPONED,
	/** Hänskjuts: referred to a named later meeting, where it goes on the agenda. */
	REFERRED,
	/** Noted (informationen noteras), for oral information. */
	NOTED

}
