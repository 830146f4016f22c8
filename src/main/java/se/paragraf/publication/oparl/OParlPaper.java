package se.paragraf.publication.oparl;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

import se.paragraf.publication.oparl.OParlObject.Head;
import se.paragraf.publication.oparl.OParlObject.Stamped;

/** OParl Paper: a matter as the public register lists it; a secret one with its title withheld and no files. */
record OParlPaper(@JsonUnwrapped Head head, @JsonInclude(Include.NON_NULL) @Nullable String body, String name,
		@JsonInclude(Include.NON_NULL) @JsonProperty("Paragraf:withheld") @Nullable String withheld, String reference,
		String date, String paperType, @JsonInclude(Include.NON_EMPTY) @Nullable List<Stamped> auxiliaryFile,
		List<String> underDirectionOf, @JsonInclude(Include.NON_EMPTY) @Nullable List<Stamped> consultation,
		@JsonProperty("Paragraf:status") String status, String web) implements OParlObject {
}
