package se.paragraf.publication.oparl;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

import se.paragraf.publication.oparl.OParlObject.Head;
import se.paragraf.publication.oparl.OParlObject.Stamped;

/** OParl Person: a member, by name only; contact details are not published. */
record OParlPerson(@JsonUnwrapped Head head, @JsonInclude(Include.NON_NULL) @Nullable String body, String name,
		String familyName, String givenName, List<Stamped> membership) implements OParlObject {
}
