package se.paragraf.proceedings.live;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.paragraf.meetings.AgendaItem;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.people.Organisation.Seat;
import se.paragraf.proceedings.Attendance;
import se.paragraf.proceedings.Decision;
import se.paragraf.proceedings.MeetingConduct;
import se.paragraf.proceedings.MeetingConduct.BoardSeats;
import se.paragraf.proceedings.MeetingRecord;
import se.paragraf.proceedings.Presence;
import se.paragraf.shared.Sweden;
import se.paragraf.shared.security.CurrentUser;
import se.paragraf.shared.security.Role;

/**
 * The live room of a meeting: who is admitted, check-in, the item under discussion and members' own
 * conflicts of interest. The speakers list is {@link SpeakersList}, live votes are
 * {@link LiveVoting}, and what the room shows is {@link LiveStates}. Attendance, conflicts and votes
 * are recorded through {@link MeetingConduct}, so the minutes show them exactly as if the secretary
 * had typed them in. Every change moves the room's counter first ({@link #touch}); that row lock
 * makes changes to one room happen one after the other, so a ballot sent twice at once still counts
 * once.
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

	private final ApplicationEventPublisher events;

	private final TransactionTemplate newTransaction;

	private final Clock clock;

	LiveMeeting(MeetingPlanning planning, MeetingConduct conduct, Organisation organisation, LiveSessions sessions,
			CheckIns checkIns, SpeakingRequests speakers, LiveVotes votes, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock) {
		this.planning = planning;
		this.conduct = conduct;
		this.organisation = organisation;
		this.sessions = sessions;
		this.checkIns = checkIns;
		this.speakers = speakers;
		this.votes = votes;
		this.events = events;
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

	/** Only the chair, the vice chair or staff drive the room; others are refused. */
	Participant chairing(Long meetingId) {
		Participant who = admitted(meetingId);
		if (!who.chairing()) {
			throw LiveRefusal.forbidden("live.chairOnly");
		}
		return who;
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
		this.speakers.finishSpeaking(meetingId, now());
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

	/**
	 * Moves the room's counter and locks its row to the end of the caller's transaction; the room is
	 * made on its first change. Every screen is told once the transaction commits.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	LiveSession touch(Long meetingId) {
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

	/** The time of a change in the room, to the second. */
	LocalDateTime now() {
		return LocalDateTime.now(this.clock.withZone(Sweden.ZONE)).withNano(0);
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
