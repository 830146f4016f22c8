package se.paragraf.people;

/**
 * The role of a person on a board; the order is the order of the notice's list of recipients.
 */
public enum MembershipRole {

	CHAIR, VICE_CHAIR, MEMBER, SUBSTITUTE, SECRETARY;

	/** Whether the role is a seat that counts towards quorum (ordinarie ledamot). */
	public boolean isMember() {
		return this == CHAIR || this == VICE_CHAIR || this == MEMBER;
	}

}
