package se.paragraf.proceedings.live;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.meetings.RecordState;
import se.paragraf.proceedings.Decision;
import se.paragraf.proceedings.DecisionOutcome;
import se.paragraf.proceedings.MeetingConduct;
import se.paragraf.proceedings.MeetingConduct.BoardSeats;
import se.paragraf.proceedings.MeetingConduct.DecisionCommand;
import se.paragraf.proceedings.MeetingRecord;
import se.paragraf.proceedings.Quorum;
import se.paragraf.proceedings.Vote;
import se.paragraf.proceedings.VoteChoice;
import se.paragraf.proceedings.live.LiveMeeting.Participant;
import se.paragraf.shared.Sweden;

/**
 * Live votes: an open vote by name on the item under discussion, cast by the serving members from
 * their own devices and recorded in the item's decision through {@link MeetingConduct} when the
 * chair closes it. Every change moves the room's counter through {@link LiveMeeting}, whose row lock
 * makes a ballot sent twice at once count once.
 */
@Service
class LiveVoting {

	private final LiveMeeting room;

	private final MeetingConduct conduct;

	private final LiveVotes votes;

	private final Ballots ballots;

	private final MessageSource messages;

	LiveVoting(LiveMeeting room, MeetingConduct conduct, LiveVotes votes, Ballots ballots, MessageSource messages) {
		this.room = room;
		this.conduct = conduct;
		this.votes = votes;
		this.ballots = ballots;
		this.messages = messages;
	}

	/**
	 * The chair opens an open vote by name on the item under discussion, on the propositions in the
	 * order she puts them. One vote at a time; the board must have quorum.
	 */
	@Transactional
	Long open(Long meetingId, @Nullable String propositionOrder) {
		this.room.chairing(meetingId);
		LiveSession session = this.room.touch(meetingId);
		Long itemId = session.getCurrentItemId();
		if (itemId == null) {
			throw LiveRefusal.conflict("live.item.notStarted");
		}
		if (this.votes.findFirstByMeetingIdAndClosedAtIsNull(meetingId).isPresent()) {
			throw LiveRefusal.conflict("live.vote.stillOpen");
		}
		MeetingRecord record = this.conduct.record(meetingId).orElse(null);
		if (record == null || record.getState() != RecordState.IN_PROGRESS) {
			throw LiveRefusal.conflict("live.vote.noRollCall");
		}
		if (record.decisionOn(itemId).map(Decision::isImmediatelyCertified).orElse(false)) {
			throw LiveRefusal.conflict("live.vote.certified");
		}
		Quorum quorum = this.conduct.quorum(meetingId, itemId);
		if (!quorum.isReached()) {
			throw LiveRefusal.conflict("conduct.quorum.missing", quorum.serving(), quorum.members(), quorum.missing());
		}
		String order = propositionOrder == null || propositionOrder.isBlank() ? wording("live.vote.defaultOrder")
				: propositionOrder.strip();
		return this.votes.save(new LiveVote(meetingId, itemId, order, this.room.now())).getId();
	}

	/**
	 * A serving member votes yes, no or abstains from her own device. Somebody not serving on the
	 * item is refused (403), so is a member with a declared conflict of interest (409); a second
	 * vote by the same member replaces her first while the vote is open.
	 */
	@Transactional
	void cast(Long meetingId, Long voteId, VoteChoice choice) {
		Participant who = this.room.admitted(meetingId);
		this.room.touch(meetingId);
		LiveVote vote = openVote(meetingId, voteId);
		Long personId = who.personId();
		if (personId == null) {
			throw LiveRefusal.forbidden("live.vote.notServing");
		}
		boolean conflicted = this.conduct.record(meetingId)
			.flatMap(r -> r.decisionOn(vote.getAgendaItemId()))
			.map(d -> d.getConflicts().contains(personId))
			.orElse(false);
		if (conflicted) {
			throw LiveRefusal.conflict("live.vote.conflict");
		}
		if (!this.conduct.servingOn(meetingId, vote.getAgendaItemId()).contains(personId)) {
			throw LiveRefusal.forbidden("live.vote.notServing");
		}
		LocalDateTime now = this.room.now();
		this.ballots.findByVoteIdAndPersonId(voteId, personId)
			.ifPresentOrElse(b -> b.change(choice, now), () -> this.ballots.save(new Ballot(voteId, personId, choice, now)));
	}

	/**
	 * The chair closes the vote: the ballots go into the item's decision as a vote by name. An item
	 * not yet decided is decided by the result (yes: the proposition put first is carried); on a tie
	 * the chair's vote decides (utslagsröst, kommunallagen 6 kap. 33 §). The secretary can still
	 * reword the decision on the conduct screen; the votes stay.
	 */
	@Transactional
	void close(Long meetingId, Long voteId) {
		this.room.chairing(meetingId);
		this.room.touch(meetingId);
		LiveVote vote = openVote(meetingId, voteId);
		List<Ballot> cast = this.ballots.findByVoteIdOrderByIdAsc(voteId);
		if (cast.isEmpty()) {
			throw LiveRefusal.conflict("live.vote.empty");
		}
		Set<Long> serving = this.conduct.servingOn(meetingId, vote.getAgendaItemId());
		List<Vote> recorded = cast.stream()
			.filter(b -> serving.contains(b.getPersonId()))
			.map(b -> new Vote(b.getPersonId(), b.getChoice()))
			.toList();
		MeetingRecord record = this.conduct.record(meetingId).orElseThrow(() -> LiveRefusal.conflict("live.vote.noRollCall"));
		Decision existing = record.decisionOn(vote.getAgendaItemId()).filter(Decision::isRecorded).orElse(null);
		String order = vote.getPropositionOrder();
		DecisionCommand command;
		if (existing != null) {
			command = new DecisionCommand(existing.getOutcome(), existing.getText(), existing.getReason(),
					existing.getReferredMeetingId(), existing.getProposals(), order, recorded);
		}
		else {
			long yes = recorded.stream().filter(v -> v.choice() == VoteChoice.YES).count();
			long no = recorded.stream().filter(v -> v.choice() == VoteChoice.NO).count();
			boolean carried;
			if (yes != no) {
				carried = yes > no;
			}
			else {
				BoardSeats seats = this.conduct.seats(meetingId);
				Long presiding = record.presiding(seats.chairId(), seats.viceChairId()).orElse(null);
				VoteChoice casting = recorded.stream()
					.filter(v -> v.personId().equals(presiding))
					.map(Vote::choice)
					.findFirst()
					.orElse(VoteChoice.ABSTAIN);
				if (casting == VoteChoice.ABSTAIN) {
					throw LiveRefusal.conflict("live.vote.tie");
				}
				carried = casting == VoteChoice.YES;
				order = order + " " + wording("live.vote.castingVote");
			}
			command = new DecisionCommand(carried ? DecisionOutcome.APPROVED : DecisionOutcome.REJECTED, null, null, null,
					null, order, recorded);
		}
		this.conduct.decide(meetingId, record.getVersion(), vote.getAgendaItemId(), command);
		vote.close(this.room.now());
	}

	/** The vote of this meeting, refused unless it is still open. */
	private LiveVote openVote(Long meetingId, Long voteId) {
		LiveVote vote = this.votes.findById(voteId)
			.filter(v -> v.getMeetingId().equals(meetingId))
			.orElseThrow(() -> LiveRefusal.conflict("live.vote.unknown"));
		if (!vote.isOpen()) {
			throw LiveRefusal.conflict("live.vote.closed");
		}
		return vote;
	}

	private String wording(String key) {
		return this.messages.getMessage(key, null, Sweden.LOCALE);
	}

}
