package se.paragraf.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.shared.Confidentiality;
import se.paragraf.shared.InputLimits;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;
import se.paragraf.shared.security.CurrentUser;

/**
 * Plans a board's meetings and builds their agendas. Every change names the meeting version the
 * user saw; a change to a meeting that moved on since is refused as stale.
 */
@Service
@Transactional(readOnly = true)
public class MeetingPlanning {

	private final Meetings meetings;

	private final Organisation organisation;

	private final MatterRegister register;

	private final EntityManager entityManager;

	private final RecordLookup records;

	private final Clock clock;

	MeetingPlanning(Meetings meetings, Organisation organisation, MatterRegister register,
			EntityManager entityManager, RecordLookup records, Clock clock) {
		this.clock = clock;
		this.meetings = meetings;
		this.records = records;
		this.entityManager = entityManager;
		this.organisation = organisation;
		this.register = register;
	}

	public Meeting meeting(Long id) {
		return this.meetings.findById(id).orElseThrow(() -> new NotFoundException("Meeting", id));
	}

	public List<Meeting> meetings(Long boardId, int year) {
		if (!InputLimits.isPlausibleYear(year)) {
			// No meeting can lie there, and PostgreSQL refuses to compare with such a timestamp.
			return List.of();
		}
		return this.meetings.findByBoardIdAndStartBetweenOrderByStartAsc(boardId, LocalDate.of(year, 1, 1).atStartOfDay(),
				LocalDate.of(year, 12, 31).atTime(LocalTime.MAX));
	}

	public List<Meeting> allMeetings() {
		return this.meetings.findAllByOrderByStartDesc();
	}

	/** Every meeting of one board, planned, held or cancelled. */
	public List<Meeting> meetingsOf(Long boardId) {
		return this.meetings.findByBoardId(boardId);
	}

	/** Meetings of the given boards from a moment on, soonest first. */
	public List<Meeting> upcoming(List<Long> boardIds, LocalDateTime from) {
		return boardIds.isEmpty() ? List.of() : this.meetings.findByBoardIdInAndStartAfterOrderByStartAsc(boardIds, from);
	}

	@Transactional
	public Meeting schedule(String boardCode, MeetingKind kind, LocalDateTime start, LocalDateTime end,
			@Nullable String place, @Nullable String digitalTool) {
		Board board = this.organisation.board(boardCode);
		return this.meetings.save(new Meeting(board.getId(), kind, start, end, place, digitalTool));
	}

	/**
	 * Plans the year's ordinary meetings (sammanträdesplan) on the given dates, all at the same
	 * time and place. A date that already has a meeting of the board is refused, and then none is
	 * planned.
	 */
	@Transactional
	public List<Meeting> planYear(String boardCode, List<LocalDate> dates, LocalTime from, LocalTime to,
			@Nullable String place, @Nullable String digitalTool) {
		if (dates.isEmpty()) {
			throw RuleViolation.onField("dates", "schedule.dates.required");
		}
		Board board = this.organisation.board(boardCode);
		for (LocalDate date : dates) {
			if (!this.meetings.findByBoardIdAndStartBetweenOrderByStartAsc(board.getId(), date.atStartOfDay(),
					date.atTime(LocalTime.MAX)).isEmpty()) {
				throw RuleViolation.onField("dates", "schedule.date.taken", date);
			}
		}
		if (dates.stream().distinct().count() != dates.size()) {
			throw RuleViolation.onField("dates", "schedule.dates.duplicate");
		}
		return dates.stream()
			.sorted()
			.map(date -> this.meetings.save(new Meeting(board.getId(), MeetingKind.ORDINARY, date.atTime(from),
					date.atTime(to), place, digitalTool)))
			.toList();
	}

	@Transactional
	public Meeting reschedule(Long meetingId, long expectedVersion, LocalDateTime start, LocalDateTime end,
			@Nullable String place, @Nullable String digitalTool) {
		Meeting meeting = editable(meetingId, expectedVersion);
		meeting.reschedule(start, end, place, digitalTool);
		return this.meetings.saveAndFlush(meeting);
	}

	@Transactional
	public Meeting cancel(Long meetingId, long expectedVersion) {
		Meeting meeting = editable(meetingId, expectedVersion);
		meeting.cancel();
		return this.meetings.saveAndFlush(meeting);
	}

	/** Puts a registered matter of the meeting's board on the agenda, under the matter's title. */
	@Transactional
	public AgendaItem addMatter(Long meetingId, long expectedVersion, Long matterId) {
		return addMatter(editable(meetingId, expectedVersion), matterId);
	}

	/**
	 * Puts a matter on the agenda of a meeting under way, as an extra item the meeting takes up; the
	 * conduct decides when that may be.
	 */
	@Transactional
	public AgendaItem addExtraMatter(Long meetingId, long expectedVersion, Long matterId) {
		return addMatter(locked(meetingId, expectedVersion), matterId);
	}

	private AgendaItem addMatter(Meeting meeting, Long matterId) {
		Matter matter = this.register.matter(matterId);
		if (!matter.getBoardId().equals(meeting.getBoardId())) {
			throw RuleViolation.onField("matterId", "agenda.matter.otherBoard", matter.getDiaryNumber());
		}
		AgendaItem item = meeting.addMatter(matterId, matter.getTitle());
		this.meetings.saveAndFlush(meeting);
		this.register.markOnAgenda(matterId);
		return item;
	}

	@Transactional
	public AgendaItem addOralInformation(Long meetingId, long expectedVersion, String title) {
		Meeting meeting = editable(meetingId, expectedVersion);
		AgendaItem item = meeting.addOralInformation(title.strip());
		this.meetings.saveAndFlush(meeting);
		return item;
	}

	@Transactional
	public Meeting moveItem(Long meetingId, long expectedVersion, Long itemId, int newNumber) {
		Meeting meeting = editable(meetingId, expectedVersion);
		meeting.move(itemId, newNumber);
		return this.meetings.saveAndFlush(meeting);
	}

	@Transactional
	public Meeting reorder(Long meetingId, long expectedVersion, List<Long> itemIds) {
		Meeting meeting = editable(meetingId, expectedVersion);
		meeting.reorder(itemIds);
		return this.meetings.saveAndFlush(meeting);
	}

	@Transactional
	public Meeting removeItem(Long meetingId, long expectedVersion, Long itemId) {
		// An item the record speaks of (a decision, a conflict, a section's mark) stays: the minutes name it.
		if (this.records.decides(meetingId, itemId)) {
			throw new RuleViolation("agenda.item.decided");
		}
		Meeting meeting = editable(meetingId, expectedVersion);
		meeting.remove(itemId, Instant.now(this.clock), CurrentUser.name());
		return this.meetings.saveAndFlush(meeting);
	}

	/** Puts a removed item back on the agenda, at the number it had; see {@link Meeting#restore}. */
	@Transactional
	public AgendaItem restoreItem(Long meetingId, long expectedVersion, Long itemId) {
		Meeting meeting = editable(meetingId, expectedVersion);
		AgendaItem item = meeting.restore(itemId);
		this.meetings.saveAndFlush(meeting);
		if (item.getMatterId() != null) {
			this.register.markOnAgenda(item.getMatterId());
		}
		return item;
	}

	@Transactional
	public Meeting retitleItem(Long meetingId, long expectedVersion, Long itemId, String title) {
		Meeting meeting = editable(meetingId, expectedVersion);
		meeting.item(itemId).retitle(title.strip());
		return this.meetings.saveAndFlush(meeting);
	}

	/**
	 * Marks an agenda item secret ("behandlas inom stängda dörrar") with its OSL ground, or lifts
	 * the item's own mark. An item whose matter is secret stays secret: lifting this mark does not
	 * open the matter.
	 */
	@Transactional
	public AgendaItem classifyItem(Long meetingId, long expectedVersion, Long itemId, Confidentiality confidentiality) {
		Meeting meeting = editable(meetingId, expectedVersion);
		AgendaItem item = meeting.item(itemId);
		item.classify(confidentiality);
		this.meetings.saveAndFlush(meeting);
		return item;
	}

	/**
	 * The mark in force on an item: its own, or else its matter's. What is secret here never reaches
	 * a public notice.
	 */
	/**
	 * The secrecy mark in force for every item of the agenda, by item id ({@link #confidentialityOf}),
	 * with the items' matters read in one query.
	 */
	public Map<Long, Confidentiality> confidentialities(Meeting meeting) {
		Map<Long, Matter> matters = this.register.matters(meeting.getAgenda()
			.stream()
			.map(AgendaItem::getMatterId)
			.filter(Objects::nonNull)
			.toList());
		Map<Long, Confidentiality> marks = new HashMap<>();
		for (AgendaItem item : meeting.getAgenda()) {
			marks.put(item.getId(), confidentialityOf(item,
					item.getMatterId() == null ? null : matters.get(item.getMatterId()).getConfidentiality()));
		}
		return marks;
	}

	private static Confidentiality confidentialityOf(AgendaItem item, @Nullable Confidentiality matter) {
		if (item.getConfidentiality().isConfidential()) {
			return item.getConfidentiality();
		}
		return matter != null && matter.isConfidential() ? matter : Confidentiality.open();
	}

	public Confidentiality confidentialityOf(AgendaItem item) {
		if (item.getConfidentiality().isConfidential()) {
			return item.getConfidentiality();
		}
		if (item.getMatterId() != null) {
			Confidentiality matter = this.register.matter(item.getMatterId()).getConfidentiality();
			if (matter.isConfidential()) {
				return matter;
			}
		}
		return Confidentiality.open();
	}

	/**
	 * Why the meeting can no longer be planned (a message key), or empty while it can: see
	 * {@link Meeting#sealedBy}.
	 */
	public Optional<String> sealedBy(Meeting meeting) {
		return meeting.sealedBy(recordState(meeting.getId()));
	}

	/**
	 * The meeting to publish a notice of: at the version the user saw, not cancelled, not yet under
	 * way; locked, so that two publications take turns. Publishing does not move the meeting's version.
	 * Read-write: the lock is refused in a read-only transaction (PostgreSQL), which is what a caller
	 * outside a transaction, such as the check before a publishing job starts, would get.
	 */
	@Transactional
	Meeting publishable(Long meetingId, long expectedVersion) {
		Meeting meeting = current(meetingId, expectedVersion);
		if (meeting.getStatus() == MeetingStatus.CANCELLED) {
			throw new RuleViolation("meeting.cancelled");
		}
		meeting.checkPlannable(recordState(meetingId));
		return meeting;
	}

	/** The meeting to change, still being planned; see {@link Meeting#sealedBy}. */
	private Meeting editable(Long meetingId, long expectedVersion) {
		Meeting meeting = current(meetingId, expectedVersion);
		meeting.checkPlannable(recordState(meetingId));
		return increment(meeting);
	}

	/** The meeting to change whatever its state; the caller has checked that it may. */
	private Meeting locked(Long meetingId, long expectedVersion) {
		return increment(current(meetingId, expectedVersion));
	}

	/**
	 * The meeting as committed, its row locked, at the version the user saw. Of two changes naming
	 * the same version, the second waits for the first and is then refused as stale.
	 */
	private Meeting current(Long meetingId, long expectedVersion) {
		long current = this.meetings.lockVersion(meetingId).orElseThrow(() -> new NotFoundException("Meeting", meetingId));
		Meeting meeting = meeting(meetingId);
		if (meeting.getVersion() != current) {
			this.entityManager.refresh(meeting);
		}
		StaleVersionException.check("Meeting", meetingId, meeting.getVersion(), expectedVersion);
		return meeting;
	}

	private Meeting increment(Meeting meeting) {
		// Every edit, also one inside an agenda item, moves the meeting to a new version.
		this.entityManager.lock(meeting, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
		return meeting;
	}

	private @Nullable RecordState recordState(Long meetingId) {
		return this.records.stateOf(meetingId);
	}

}
