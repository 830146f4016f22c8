package se.paragraf.proceedings.live;

import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import se.paragraf.proceedings.Presence;
import se.paragraf.proceedings.Quorum;
import se.paragraf.proceedings.VoteChoice;

/**
 * What everyone in the room sees at one moment: the item under discussion, who is present and who
 * serves, quorum, the speakers list, the vote in progress and the decision as recorded. The same for
 * every viewer, so one rendering serves every connected member.
 */
public record LiveState(long sequence, Long meetingId, String boardName, LocalDateTime start, boolean recording,
		@Nullable Item current, List<Item> items, List<Attendee> attendees, @Nullable Quorum quorum,
		List<Speaker> speakers, boolean speakersClosed, @Nullable VoteView vote, @Nullable DecisionView decision,
		List<String> conflicts) {

	/** An agenda item, numbered as on the notice. */
	public record Item(Long id, int number, String title, boolean current, boolean decided, List<String> conflicts) {
	}

	/** A seat holder and how she takes part; {@code presence} null before the roll call has her. */
	public record Attendee(Long personId, String name, String role, @Nullable Presence presence,
			@Nullable String servingFor, @Nullable LocalDateTime checkedInAt, boolean serving, boolean conflicted) {
	}

	public record Speaker(Long id, String name, boolean reply, LocalDateTime requestedAt, @Nullable LocalDateTime givenAt,
			@Nullable LocalDateTime finishedAt, boolean waiting, boolean speaking) {
	}

	public record BallotLine(String name, VoteChoice choice) {
	}

	/** A vote on the item under discussion, open or as closed. */
	public record VoteView(Long id, String propositionOrder, boolean open, int yes, int no, int abstain,
			List<BallotLine> ballots, List<String> notVoted) {
	}

	public record DecisionView(String outcome, String text, @Nullable String voteSummary) {
	}

}
