package se.paragraf.publication.oparl;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import se.paragraf.publication.oparl.OParlObject.Head;

/** OParl LegislativeTerm: a municipality's term of office, as the memberships give it. */
record OParlLegislativeTerm(@JsonUnwrapped Head head, String body, String name, String startDate, String endDate)
		implements OParlObject {
}
