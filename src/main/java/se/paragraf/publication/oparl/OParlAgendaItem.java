package se.paragraf.publication.oparl;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

import se.paragraf.publication.oparl.OParlObject.Head;

/**
 * OParl AgendaItem: a line of the newest published notice; with the certified decision's section,
 * votes and dissents once the minutes are certified.
 */
record OParlAgendaItem(@JsonUnwrapped Head head, String meeting, String number, int order, String name,
		@JsonInclude(Include.NON_NULL) @JsonProperty("Paragraf:withheld") @Nullable String withheld,
		@JsonProperty("public") boolean isPublic, @JsonInclude(Include.NON_NULL) @Nullable String consultation,
		@JsonInclude(Include.NON_NULL) @JsonProperty("Paragraf:section") @Nullable Integer section,
		@JsonInclude(Include.NON_EMPTY) @JsonProperty("Paragraf:votes") @Nullable List<Vote> votes,
		@JsonInclude(Include.NON_NULL) @JsonProperty("Paragraf:voteResult") @Nullable VoteResult voteResult,
		@JsonInclude(Include.NON_EMPTY) @JsonProperty("Paragraf:dissents") @Nullable List<Dissent> dissents,
		@JsonInclude(Include.NON_NULL) @JsonProperty("Paragraf:diaryNumber") @Nullable String diaryNumber,
		@JsonProperty("Paragraf:noticePages") String noticePages, String web) implements OParlObject {

	record Vote(String person, String name, String choice) {
	}

	record VoteResult(int yes, int no, int abstain) {
	}

	record Dissent(String person, String name, @JsonInclude(Include.NON_NULL) @Nullable String motivation) {
	}

}
