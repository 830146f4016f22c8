package se.paragraf.proceedings.live;

import java.time.Clock;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.paragraf.meetings.AgendaItem;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.RecordState;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.people.Organisation.Seat;
import se.paragraf.proceedings.Attendance;
import se.paragraf.proceedings.Decision;
import se.paragraf.proceedings.DecisionOutcome;
import se.paragraf.proceedings.MeetingConduct;
import se.paragraf.proceedings.MeetingConduct.BoardSeats;
import se.paragraf.proceedings.MeetingConduct.DecisionCommand;
import se.paragraf.proceedings.MeetingRecord;
import se.paragraf.proceedings.Presence;
import se.paragraf.proceedings.Quorum;
import se.paragraf.proceedings.Vote;
import se.paragraf.proceedings.VoteChoice;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import se.paragraf.shared.Sweden;
import se.paragraf.shared.security.CurrentUser;
import se.paragraf.shared.security.Role;

/**
 * The live room of a meeting: check-in, the item under discussion, the speakers list, live votes
 * and members' own conflicts of interest. Attendance, conflicts and votes are recorded through
 * {@link MeetingConduct}, so the minutes show them exactly as if the secretary had typed them in.
 * Every change moves the room's counter first; that row lock makes changes to one room happen one
 * after the other, so a ballot sent twice at once still counts once.
 */
@Service
@Transactional(readOnly = true)
public class LiveMeeting {

	private final MeetingPlanning planning;

	private final MeetingConduct conduct;

	private final Organisation organisation;

	private final LiveSessions sessions;

	private final CheckIns checkIns;

	private final SpeakingRequests speakers;

	private final LiveVotes votes;

	private final Ballots ballots;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final TransactionTemplate newTransaction;

	private final Clock clock;

	LiveMeeting(MeetingPlanning planning, MeetingConduct conduct, Organisation organisation, LiveSessions sessions,
			CheckIns checkIns, SpeakingRequests speakers, LiveVotes votes, Ballots ballots,
			ApplicationEventPublisher events, MessageSource messages, PlatformTransactionManager transactions,
			Clock clock) {
		this.planning = planning;
		this.conduct = conduct;
		this.organisation = organisation;
		this.sessions = sessions;
		this.checkIns = checkIns;
		this.speakers = speakers;
		this.votes = votes;
		this.ballots = ballots;
		this.events = events;
		this.messages = messages;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** Who the signed-in user is in this meeting's room. */
	public Participant participant(Long meetingId) {
		Meeting meeting = this.planning.meeting(meetingId);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return new Participant(null, false, false, false, false);
		}
		Set<String> authorities = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		Long personId = CurrentUser.get().map(CurrentUser::personId).orElse(null);
		List<Seat> seats = this.organisation.seats(meeting.getBoardId(), meeting.getStart().toLocalDate());
		boolean boardSecretary = personId != null && seats.stream()
			.anyMatch(s -> s.person().getId().equals(personId) && s.membership().getRole() == MembershipRole.SECRETARY);
		boolean staff = authorities.contains(Role.ADMIN.authority()) || authorities.contains(Role.SECRETARY.authority())
				|| boardSecretary;
		BoardSeats board = this.conduct.seats(meeting.getId());
		boolean member = personId != null && board.memberIds().contains(personId);
		boolean substitute = personId != null && board.substituteIds().contains(personId);
		boolean chair = personId != null && (personId.equals(board.chairId()) || personId.equals(board.viceChairId()));
		return new Participant(personId, staff, member, substitute, chair);
	}

	/** The room is for the members, substitutes and staff of the board; others are refused. */
	public Participant admitted(Long meetingId) {
		Participant participant = participant(meetingId);
		if (!participant.admitted()) {
			throw LiveRefusal.forbidden("live.notOnBoard");
		}
		return participant;
	}

	/** The counter of the room: the id of its latest event. */
	public long sequence(Long meetingId) {
		return this.sessions.findById(meetingId).map(LiveSession::getSequence).orElse(0L);
	}

	/**
	 * A member or substitute confirms that she takes part, at a distance. Recorded in the roll
	 * call as the secretary would: present at a distance, from the item under discussion if the
	 * meeting has moved past the first. Checking in twice changes nothing.
	 */
	@Transactional
	public LocalDateTime checkIn(Long meetingId) {
		Participant who = admitted(meetingId);
		if (who.personId() == null || !(who.member() || who.substitute())) {
			throw LiveRefusal.forbidden("live.checkIn.noSeat");
		}
		Long personId = who.personId();
		LiveSession session = touch(meetingId);
		Optional<CheckIn> existing = this.checkIns.findByMeetingIdAndPersonId(meetingId, personId);
		if (existing.isPresent()) {
			return existing.get().getCheckedInAt();
		}
		Meeting meeting = this.planning.meeting(meetingId);
		MeetingRecord record = this.conduct.record(meetingId).orElse(null);
		List<Attendance> attendance = new ArrayList<>(record == null ? List.of() : record.getAttendance());
		Optional<Attendance> own = attendance.stream().filter(a -> a.personId().equals(personId)).findFirst();
		if (own.isEmpty() || !own.get().presence().isPresent()) {
			Integer from = null;
			if (session.getCurrentItemId() != null) {
				int number = meeting.numberOf(meeting.item(session.getCurrentItemId()));
				from = number > 1 ? number : null;
			}
			own.ifPresent(attendance::remove);
			attendance.add(new Attendance(personId, Presence.REMOTE, null, from, null));
			this.conduct.recordAttendance(meetingId, record == null ? 0 : record.getVersion(), attendance,
					record == null ? null : record.getOthersPresent());
		}
		LocalDateTime now = now();
		this.checkIns.save(new CheckIn(meetingId, personId, now));
		return now;
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

	/** The chair or secretary takes up an item; whoever has the floor on the previous one is done. */
	@Transactional
	public void takeUp(Long meetingId, Long itemId) {
		chairing(meetingId);
		Meeting meeting = this.planning.meeting(meetingId);
		meeting.item(itemId);
		LiveSession session = touch(meetingId);
		if (this.votes.findFirstByMeetingIdAndClosedAtIsNull(meetingId).isPresent()) {
			throw LiveRefusal.conflict("live.vote.stillOpen");
		}
		finishSpeakers(meetingId);
		session.takeUp(itemId);
	}

	/** Takes up the item after the current one, or the first. */
	@Transactional
	public void takeUpNext(Long meetingId) {
		Meeting meeting = this.planning.meeting(meetingId);
		List<AgendaItem> agenda = meeting.getAgenda();
		if (agenda.isEmpty()) {
			throw LiveRefusal.conflict("live.item.none");
		}
		Long current = this.sessions.findById(meetingId).map(LiveSession::getCurrentItemId).orElse(null);
		int index = current == null ? -1 : agenda.indexOf(meeting.item(current));
		if (index + 1 >= agenda.size()) {
			throw LiveRefusal.conflict("live.item.last");
		}
		takeUp(meetingId, agenda.get(index + 1).getId());
	}

	/** A member or substitute asks for the floor on the item under discussion, or for a reply. */
	@Transactional
	public void askToSpeak(Long meetingId, boolean reply) {
		Participant who = admitted(meetingId);
		if (who.personId() == null || !(who.member() || who.substitute())) {
			throw LiveRefusal.forbidden("live.speak.noSeat");
		}
		LiveSession session = touch(meetingId);
		Long itemId = session.getCurrentItemId();
		if (itemId == null) {
			throw LiveRefusal.conflict("live.item.notStarted");
		}
		if (session.isSpeakersClosed() && !reply) {
			throw LiveRefusal.conflict("live.speak.closed");
		}
		boolean waiting = this.speakers.findByMeetingIdAndAgendaItemIdOrderByRequestedAtAscIdAsc(meetingId, itemId)
			.stream()
			.anyMatch(r -> r.getPersonId().equals(who.personId()) && r.isWaiting() && r.isReply() == reply);
		if (!waiting) {
			this.speakers.save(new SpeakingRequest(meetingId, itemId, who.personId(), reply, now()));
		}
	}

	/** A member takes back her waiting request. */
	@Transactional
	public void withdraw(Long meetingId, Long requestId) {
		Participant who = admitted(meetingId);
		touch(meetingId);
		SpeakingRequest request = request(meetingId, requestId);
		if (!request.getPersonId().equals(who.personId()) && !who.chairing()) {
			throw LiveRefusal.forbidden("live.chairOnly");
		}
		if (request.isWaiting()) {
			request.withdraw(now());
		}
	}

	/** The chair gives the floor; the previous speaker is done. */
	@Transactional
	public void giveFloor(Long meetingId, Long requestId) {
		chairing(meetingId);
		touch(meetingId);
		SpeakingRequest request = request(meetingId, requestId);
		if (!request.isWaiting()) {
			throw LiveRefusal.conflict("live.speak.notWaiting");
		}
		LocalDateTime now = now();
		finishSpeakers(meetingId);
		request.give(now);
	}

	/** The chair ends the current speaker's turn. */
	@Transactional
	public void endFloor(Long meetingId) {
		chairing(meetingId);
		touch(meetingId);
		finishSpeakers(meetingId);
	}

	/** The chair closes the speakers list (streckning) or opens it again; replies stay possible. */
	@Transactional
	public void speakersList(Long meetingId, boolean closed) {
		chairing(meetingId);
		LiveSession session = touch(meetingId);
		if (session.getCurrentItemId() == null) {
			throw LiveRefusal.conflict("live.item.notStarted");
		}
		session.speakersList(closed);
	}

	/**
	 * The chair opens an open vote by name on the item under discussion, on the propositions in the
	 * order she puts them. One vote at a time; the board must have quorum.
	 */
	@Transactional
	public Long openVote(Long meetingId, @Nullable String propositionOrder) {
		chairing(meetingId);
		LiveSession session = touch(meetingId);
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
		return this.votes.save(new LiveVote(meetingId, itemId, order, now())).getId();
	}

	/**
	 * A serving member votes yes, no or abstains from her own device. Somebody not serving on the
	 * item is refused (403), so is a member with a declared conflict of interest (409); a second
	 * vote by the same member replaces her first while the vote is open.
	 */
	@Transactional
	public void cast(Long meetingId, Long voteId, VoteChoice choice) {
		Participant who = admitted(meetingId);
		touch(meetingId);
		LiveVote vote = this.votes.findById(voteId)
			.filter(v -> v.getMeetingId().equals(meetingId))
			.orElseThrow(() -> LiveRefusal.conflict("live.vote.unknown"));
		if (!vote.isOpen()) {
			throw LiveRefusal.conflict("live.vote.closed");
		}
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
		LocalDateTime now = now();
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
	public void closeVote(Long meetingId, Long voteId) {
		chairing(meetingId);
		touch(meetingId);
		LiveVote vote = this.votes.findById(voteId)
			.filter(v -> v.getMeetingId().equals(meetingId))
			.orElseThrow(() -> LiveRefusal.conflict("live.vote.unknown"));
		if (!vote.isOpen()) {
			throw LiveRefusal.conflict("live.vote.closed");
		}
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
		vote.close(now());
	}

	/**
	 * A member or substitute declares her own conflict of interest (jäv) in an item before it is
	 * taken up; she then neither counts towards quorum nor votes on it.
	 */
	@Transactional
	public void declareOwnConflict(Long meetingId, Long itemId) {
		Participant who = admitted(meetingId);
		if (who.personId() == null || !(who.member() || who.substitute())) {
			throw LiveRefusal.forbidden("live.conflict.noSeat");
		}
		Meeting meeting = this.planning.meeting(meetingId);
		meeting.item(itemId);
		LiveSession session = touch(meetingId);
		MeetingRecord record = this.conduct.record(meetingId).orElse(null);
		Decision decision = record == null ? null : record.decisionOn(itemId).orElse(null);
		if (itemId.equals(session.getCurrentItemId()) || decision != null && decision.isRecorded()) {
			throw LiveRefusal.conflict("live.conflict.takenUp");
		}
		List<Long> conflicts = new ArrayList<>(decision == null ? List.of() : decision.getConflicts());
		if (!conflicts.contains(who.personId())) {
			conflicts.add(who.personId());
			this.conduct.declareConflicts(meetingId, record == null ? 0 : record.getVersion(), itemId, conflicts);
		}
	}

	/** Moves the room's counter after a change made elsewhere (the conduct screen), so every screen follows. */
	@Transactional
	public void changed(Long meetingId) {
		touch(meetingId);
	}

	/** The counters of these rooms, for a node that checks whether another node changed them. */
	public Map<Long, Long> sequences(Set<Long> meetingIds) {
		return meetingIds.isEmpty() ? Map.of()
				: this.sessions.sequences(meetingIds)
					.stream()
					.collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> ((Number) r[1]).longValue()));
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

	private Participant chairing(Long meetingId) {
		Participant who = admitted(meetingId);
		if (!who.chairing()) {
			throw LiveRefusal.forbidden("live.chairOnly");
		}
		return who;
	}

	private SpeakingRequest request(Long meetingId, Long requestId) {
		return this.speakers.findById(requestId)
			.filter(r -> r.getMeetingId().equals(meetingId))
			.orElseThrow(() -> LiveRefusal.conflict("live.speak.unknown"));
	}

	private void finishSpeakers(Long meetingId) {
		LocalDateTime now = now();
		this.speakers.findByMeetingIdAndFinishedAtIsNullAndGivenAtIsNotNull(meetingId).forEach(r -> r.finish(now));
	}

	/**
	 * Moves the room's counter and locks its row to the end of the transaction; the room is made on
	 * its first change. Every screen is told once the transaction commits.
	 */
	private LiveSession touch(Long meetingId) {
		LocalDateTime now = now();
		if (this.sessions.touch(meetingId, now) == 0) {
			this.newTransaction.executeWithoutResult(status -> {
				try {
					this.sessions.saveAndFlush(new LiveSession(meetingId, now));
				}
				catch (DataIntegrityViolationException raced) {
					status.setRollbackOnly();
				}
			});
			this.sessions.touch(meetingId, now);
		}
		LiveSession session = this.sessions.findById(meetingId).orElseThrow();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					LiveMeeting.this.events.publishEvent(new LiveRoomChanged(meetingId));
				}
			});
		}
		return session;
	}

	private LocalDateTime now() {
		return LocalDateTime.now(this.clock.withZone(Sweden.ZONE)).withNano(0);
	}

	private String wording(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Sweden.LOCALE);
	}

	/** Tells the room's screens that something changed. */
	record LiveRoomChanged(Long meetingId) {
	}

	/**
	 * The signed-in user in a meeting's room: staff (secretaries), a member, a substitute, the chair
	 * or vice chair of the board.
	 */
	public record Participant(@Nullable Long personId, boolean staff, boolean member, boolean substitute,
			boolean chair) {

		public boolean admitted() {
			return this.staff || this.member || this.substitute;
		}

		/** Drives the room: gives the floor, takes up items, opens and closes votes. */
		public boolean chairing() {
			return this.staff || this.chair;
		}

	}

}
