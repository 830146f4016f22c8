package se.paragraf.publication.oparl;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

import se.paragraf.publication.oparl.OParlObject.Head;

/** OParl Organization: a board; a joint board names its partner municipalities. */
record OParlOrganization(@JsonUnwrapped Head head, String body, String name, String shortName,
		@JsonInclude(Include.NON_EMPTY) @Nullable List<String> membership, String meeting, String organizationType,
		String classification, @JsonInclude(Include.NON_NULL) @JsonProperty("Paragraf:partnerBodies") @Nullable List<String> partnerBodies,
		String web) implements OParlObject {
}
