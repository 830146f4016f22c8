package se.paragraf.publication.oparl;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

import se.paragraf.publication.oparl.OParlObject.Head;
import se.paragraf.publication.oparl.OParlObject.Stamped;

/**
 * OParl Meeting, with its place, its published notice and agenda and, once certified, its minutes and
 * who was present. {@code web} stands before the minutes: minutes are only certified after a notice.
 */
record OParlMeeting(@JsonUnwrapped Head head, String name, String meetingState,
		@JsonInclude(Include.NON_NULL) @Nullable Boolean cancelled, String start, String end,
		@JsonInclude(Include.NON_NULL) @Nullable Stamped location, List<String> organization,
		@JsonInclude(Include.NON_NULL) @Nullable Stamped invitation, @JsonInclude(Include.NON_EMPTY) @Nullable List<Stamped> agendaItem,
		@JsonInclude(Include.NON_NULL) @Nullable String web, @JsonInclude(Include.NON_NULL) @Nullable Stamped resultsProtocol,
		@JsonInclude(Include.NON_EMPTY) @Nullable List<String> participant) implements OParlObject {
}
