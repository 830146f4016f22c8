package se.paragraf.publication.oparl;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

import se.paragraf.publication.oparl.OParlObject.Head;

/** OParl Location: where one meeting is held. */
record OParlLocation(@JsonUnwrapped Head head, String description, @JsonInclude(Include.NON_NULL) @Nullable String room,
		List<String> meetings) implements OParlObject {
}
