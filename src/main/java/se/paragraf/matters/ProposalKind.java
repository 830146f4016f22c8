package se.paragraf.matters;

/**
 * What the resolution section of a report holds: the administration's proposal, or (for a matter
 * returning with a decision already taken, as the seed's item 5) the decision itself.
 */
public enum ProposalKind {

	ADMINISTRATION_PROPOSAL, DECISION

}
