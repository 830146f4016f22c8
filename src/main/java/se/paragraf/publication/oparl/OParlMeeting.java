package se.paragraf.publication.oparl;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import se.paragraf.publication.oparl.OParlObject.Head;
import se.paragraf.publication.oparl.OParlObject.Stamped;

/**
 * OParl Meeting, with its place, its published notice and agenda and, once certified, its minutes and
 * who was present. {@code web} stands before the minutes: minutes are only certified after a notice.
 */
record OParlMeeting(@JsonUnwrapped Head head, String name, String meetingState,
		@JsonInclude(Include.NON_NULL) Boolean cancelled, String start, String end,
		@JsonInclude(Include.NON_NULL) Stamped location, List<String> organization,
		@JsonInclude(Include.NON_NULL) Stamped invitation, @JsonInclude(Include.NON_EMPTY) List<Stamped> agendaItem,
		@JsonInclude(Include.NON_NULL) String web, @JsonInclude(Include.NON_NULL) Stamped resultsProtocol,
		@JsonInclude(Include.NON_EMPTY) List<String> participant) implements OParlObject {
}
