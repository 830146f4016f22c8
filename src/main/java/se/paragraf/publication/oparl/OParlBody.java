package se.paragraf.publication.oparl;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import se.paragraf.publication.oparl.OParlObject.Head;
import se.paragraf.publication.oparl.OParlObject.Stamped;

/** OParl Body: a municipality, with the external lists of its objects. */
record OParlBody(@JsonUnwrapped Head head, String system, String name,
		@JsonProperty("Paragraf:municipalityCode") String municipalityCode, String organization, String person,
		String meeting, String paper, String agendaItem, String consultation, String file, String membership,
		String locationList, String legislativeTermList, List<Stamped> legislativeTerm, String web)
		implements OParlObject {
}
