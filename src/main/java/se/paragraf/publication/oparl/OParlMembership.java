package se.paragraf.publication.oparl;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import se.paragraf.publication.oparl.OParlObject.Head;

/** OParl Membership: a seat or role on a board for a term. */
record OParlMembership(@JsonUnwrapped Head head, String person, String organization, String role, boolean votingRight,
		String startDate, String endDate) implements OParlObject {
}
