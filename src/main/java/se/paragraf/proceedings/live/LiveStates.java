package se.paragraf.proceedings.live;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.meetings.AgendaItem;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.people.Organisation;
import se.paragraf.people.Organisation.Seat;
import se.paragraf.proceedings.Attendance;
import se.paragraf.proceedings.Decision;
import se.paragraf.proceedings.MeetingConduct;
import se.paragraf.proceedings.MeetingConduct.BoardSeats;
import se.paragraf.proceedings.MeetingRecord;
import se.paragraf.proceedings.Quorum;
import se.paragraf.proceedings.VoteChoice;
import se.paragraf.shared.Sweden;

/**
 * What a meeting's live room shows, and its change counter. Reads only: every change goes through
 * {@link LiveMeeting}, {@link SpeakersList} or {@link LiveVoting}, which move the counter.
 */
@Service
@Transactional(readOnly = true)
public class LiveStates {

	private final MeetingPlanning planning;

	private final MeetingConduct conduct;

	private final Organisation organisation;

	private final LiveSessions sessions;

	private final CheckIns checkIns;

	private final SpeakingRequests speakers;

	private final LiveVotes votes;

	private final Ballots ballots;

	private final MessageSource messages;

	LiveStates(MeetingPlanning planning, MeetingConduct conduct, Organisation organisation, LiveSessions sessions,
			CheckIns checkIns, SpeakingRequests speakers, LiveVotes votes, Ballots ballots, MessageSource messages) {
		this.planning = planning;
		this.conduct = conduct;
		this.organisation = organisation;
		this.sessions = sessions;
		this.checkIns = checkIns;
		this.speakers = speakers;
		this.votes = votes;
		this.ballots = ballots;
		this.messages = messages;
	}

	/** The counter of the room: the id of its latest event. */
	public long sequence(Long meetingId) {
		return this.sessions.findById(meetingId).map(LiveSession::getSequence).orElse(0L);
	}

	/** The counters of these rooms, for a node that checks whether another node changed them. */
	public Map<Long, Long> sequences(Set<Long> meetingIds) {
		return meetingIds.isEmpty() ? Map.of()
				: this.sessions.sequences(meetingIds)
					.stream()
					.collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> ((Number) r[1]).longValue()));
	}

	/** When the signed-in member checked in, if she did. */
	public Optional<LocalDateTime> checkedIn(Long meetingId, @Nullable Long personId) {
		return personId == null ? Optional.empty()
				: this.checkIns.findByMeetingIdAndPersonId(meetingId, personId).map(CheckIn::getCheckedInAt);
	}

	/** Who checked in and when, for the secretary's roll call. */
	public Map<Long, LocalDateTime> checkIns(Long meetingId) {
		return this.checkIns.findByMeetingIdOrderByCheckedInAt(meetingId)
			.stream()
			.collect(Collectors.toMap(CheckIn::getPersonId, CheckIn::getCheckedInAt));
	}

	/** What the room shows now. */
	public LiveState state(Long meetingId) {
		// The sequence first: what is read after it is at least as new, so the room never labels older
		// state with a newer sequence and then skips the event that carries the change.
		LiveSession session = this.sessions.findById(meetingId).orElse(null);
		Meeting meeting = this.planning.meeting(meetingId);
		return state(session, meeting, this.conduct.record(meetingId).orElse(null), this.conduct.seats(meetingId),
				checkIns(meetingId));
	}

	/**
	 * {@link #state(Long)} from what the conduct page has already read (the meeting, its record, seats
	 * and check-ins), so that the page does not read them twice on every view (issue 12). The page's
	 * sequence only labels what it draws; the room's events are made by {@link #state(Long)}.
	 */
	public LiveState state(Meeting meeting, @Nullable MeetingRecord record, BoardSeats seats,
			Map<Long, LocalDateTime> checkedIn) {
		return state(this.sessions.findById(meeting.getId()).orElse(null), meeting, record, seats, checkedIn);
	}

	private LiveState state(@Nullable LiveSession session, Meeting meeting, @Nullable MeetingRecord record,
			BoardSeats seats, Map<Long, LocalDateTime> checkedIn) {
		Long meetingId = meeting.getId();
		long sequence = session == null ? 0 : session.getSequence();
		Long currentId = session == null ? null : session.getCurrentItemId();
		AgendaItem currentItem = currentId == null ? null
				: meeting.getAgenda().stream().filter(i -> i.getId().equals(currentId)).findFirst().orElse(null);
		Function<Long, String> names = id -> seats.seats()
			.stream()
			.filter(s -> s.person().getId().equals(id))
			.findFirst()
			.map(s -> s.person().getFullName())
			.orElseGet(() -> this.conduct.name(id));
		List<LiveState.Item> items = new ArrayList<>();
		LiveState.Item current = null;
		for (AgendaItem item : meeting.getAgenda()) {
			boolean decided = record != null && record.decisionOn(item.getId()).map(Decision::isRecorded).orElse(false);
			List<String> itemConflicts = record == null ? List.of()
					: record.decisionOn(item.getId()).map(d -> d.getConflicts().stream().map(names).toList()).orElse(List.of());
			LiveState.Item line = new LiveState.Item(item.getId(), meeting.numberOf(item), item.getTitle(),
					item.getId().equals(currentId), decided, itemConflicts);
			items.add(line);
			if (line.current()) {
				current = line;
			}
		}
		Decision decision = record == null || currentId == null ? null : record.decisionOn(currentId).orElse(null);
		Set<Long> serving = currentItem == null ? Set.of() : this.conduct.servingOn(meeting, seats, record, currentItem);
		Set<Long> conflicted = decision == null ? Set.of() : Set.copyOf(decision.getConflicts());
		List<LiveState.Attendee> attendees = new ArrayList<>();
		Set<Long> listed = new LinkedHashSet<>();
		for (Seat seat : seats.seats()) {
			Long id = seat.person().getId();
			if (!listed.add(id)) {
				continue;
			}
			Attendance attendance = record == null ? null : record.attendanceOf(id).orElse(null);
			attendees.add(new LiveState.Attendee(id, seat.person().getFullName(),
					wording("live.role." + seat.membership().getRole().name()),
					attendance == null ? null : attendance.presence(),
					attendance == null || attendance.servingForPersonId() == null ? null
							: names.apply(attendance.servingForPersonId()),
					checkedIn.get(id), serving.contains(id), conflicted.contains(id)));
		}
		List<LiveState.Speaker> speakerLines = currentId == null ? List.of()
				: this.speakers.findByMeetingIdAndAgendaItemIdOrderByRequestedAtAscIdAsc(meetingId, currentId)
					.stream()
					.filter(r -> !r.isWithdrawn())
					.map(r -> new LiveState.Speaker(r.getId(), names.apply(r.getPersonId()), r.isReply(),
							r.getRequestedAt(), r.getGivenAt(), r.getFinishedAt(), r.isWaiting(), r.isSpeaking()))
					.toList();
		LiveState.VoteView voteView = null;
		if (currentId != null) {
			LiveVote vote = this.votes.findFirstByMeetingIdAndAgendaItemIdOrderByIdDesc(meetingId, currentId).orElse(null);
			if (vote != null) {
				List<Ballot> cast = this.ballots.findByVoteIdOrderByIdAsc(vote.getId());
				Set<Long> voted = cast.stream().map(Ballot::getPersonId).collect(Collectors.toSet());
				voteView = new LiveState.VoteView(vote.getId(), vote.getPropositionOrder(), vote.isOpen(),
						count(cast, VoteChoice.YES), count(cast, VoteChoice.NO), count(cast, VoteChoice.ABSTAIN),
						cast.stream().map(b -> new LiveState.BallotLine(names.apply(b.getPersonId()), b.getChoice())).toList(),
						serving.stream().filter(id -> !voted.contains(id)).map(names).toList());
			}
		}
		LiveState.DecisionView decisionView = decision == null || !decision.isRecorded() ? null
				: new LiveState.DecisionView(wording("live.outcome." + decision.getOutcome().name()),
						decision.getText() == null ? "" : decision.getText(),
						decision.getVoteResult().isEmpty() ? null : decision.getVoteResult().summary());
		Quorum quorum = currentItem == null || record == null ? null : this.conduct.quorum(meeting, seats, record, currentItem);
		return new LiveState(sequence, meetingId, this.organisation.board(meeting.getBoardId()).getName(),
				meeting.getStart(), record != null, current, items, attendees, quorum, speakerLines,
				session != null && session.isSpeakersClosed(), voteView, decisionView,
				conflicted.stream().map(names).toList());
	}

	private static int count(List<Ballot> ballots, VoteChoice choice) {
		return (int) ballots.stream().filter(b -> b.getChoice() == choice).count();
	}

	private String wording(String key) {
		return this.messages.getMessage(key, null, Sweden.LOCALE);
	}

}
