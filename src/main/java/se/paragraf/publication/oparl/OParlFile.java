package se.paragraf.publication.oparl;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

import se.paragraf.publication.oparl.OParlObject.Head;

/**
 * OParl File: a published notice, certified minutes or a public attachment; an attachment has no
 * web page and names its paper, the others their meeting.
 */
record OParlFile(@JsonUnwrapped Head head, String name, @JsonInclude(Include.NON_NULL) @Nullable String fileName,
		@JsonInclude(Include.NON_NULL) @Nullable String mimeType, String date, @JsonInclude(Include.NON_NULL) @Nullable Long size,
		String accessUrl, String downloadUrl, @JsonInclude(Include.NON_NULL) @Nullable List<String> meeting,
		@JsonInclude(Include.NON_NULL) @Nullable List<String> paper,
		@JsonInclude(Include.NON_NULL) @JsonProperty("Paragraf:sha256") @Nullable String sha256,
		@JsonInclude(Include.NON_NULL) @Nullable String web) implements OParlObject {
}
