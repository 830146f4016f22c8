package se.paragraf.publication.oparl;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import se.paragraf.publication.oparl.OParlObject.Head;

/** OParl Consultation: a matter on a board's agenda, which that board decides. */
record OParlConsultation(@JsonUnwrapped Head head, String paper, String agendaItem, String meeting,
		List<String> organization, boolean authoritative, String role) implements OParlObject {
}
