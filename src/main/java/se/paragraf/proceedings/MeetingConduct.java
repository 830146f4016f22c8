package se.paragraf.proceedings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.matters.DecisionBasis;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.people.Organisation.Seat;
import se.paragraf.people.Person;
import se.paragraf.shared.Confidentiality;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;
import se.paragraf.shared.Sweden;
import se.paragraf.meetings.AgendaItem;
import se.paragraf.meetings.AgendaItemKind;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.MeetingStatus;
import se.paragraf.meetings.Meetings;
import se.paragraf.meetings.NoticeComposer;
import se.paragraf.meetings.RecordState;

/**
 * Records a meeting as it is held: roll call, minutes checkers, extra items, conflicts of
 * interest, proposals, votes, decisions and dissents. Every change names the record version the
 * secretary saw (0 before the first change); a change to a record that moved on is refused as
 * stale and nothing is saved.
 */
@Service
@Transactional(readOnly = true)
public class MeetingConduct {

	private final MeetingPlanning planning;

	private final Meetings meetings;

	private final MeetingRecords records;

	private final SectionCounters counters;

	private final Organisation organisation;

	private final MatterRegister register;

	private final EntityManager entityManager;

	private final MessageSource messages;

	private final Clock clock;

	MeetingConduct(MeetingPlanning planning, Meetings meetings, MeetingRecords records, SectionCounters counters,
			Organisation organisation, MatterRegister register, EntityManager entityManager, MessageSource messages,
			Clock clock) {
		this.messages = messages;
		this.clock = clock;
		this.planning = planning;
		this.meetings = meetings;
		this.records = records;
		this.counters = counters;
		this.organisation = organisation;
		this.register = register;
		this.entityManager = entityManager;
	}

	/** The record of the meeting, if recording has begun. */
	public Optional<MeetingRecord> record(Long meetingId) {
		return this.records.findByMeetingId(meetingId);
	}

	/** The board's seats on the day of the meeting: who counts towards quorum and who may serve. */
	public BoardSeats seats(Long meetingId) {
		Meeting meeting = this.planning.meeting(meetingId);
		return seats(meeting);
	}

	BoardSeats seats(Meeting meeting) {
		List<Seat> seats = this.organisation.seats(meeting.getBoardId(), meeting.getStart().toLocalDate());
		Set<Long> members = seats.stream()
			.filter(s -> s.membership().getRole().isMember())
			.map(s -> s.person().getId())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Set<Long> substitutes = seats.stream()
			.filter(s -> s.membership().getRole() == MembershipRole.SUBSTITUTE)
			.map(s -> s.person().getId())
			.filter(id -> !members.contains(id))
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Long chair = holder(seats, MembershipRole.CHAIR);
		Long vice = holder(seats, MembershipRole.VICE_CHAIR);
		return new BoardSeats(seats.stream().filter(s -> s.membership().getRole() != MembershipRole.SECRETARY).toList(),
				members, substitutes, chair, vice);
	}

	private static @Nullable Long holder(List<Seat> seats, MembershipRole role) {
		return seats.stream()
			.filter(s -> s.membership().getRole() == role)
			.map(s -> s.person().getId())
			.findFirst()
			.orElse(null);
	}

	/** Quorum on an agenda item now. */
	public Quorum quorum(Long meetingId, Long itemId) {
		Meeting meeting = this.planning.meeting(meetingId);
		AgendaItem item = meeting.item(itemId);
		BoardSeats seats = seats(meeting);
		return record(meetingId).map(r -> r.quorum(meeting.numberOf(item), itemId, seats.memberIds()))
			.orElse(new Quorum(0, seats.memberIds().size()));
	}

	/** Who may decide (and vote, and dissent) on an agenda item now. */
	public Set<Long> servingOn(Long meetingId, Long itemId) {
		Meeting meeting = this.planning.meeting(meetingId);
		AgendaItem item = meeting.item(itemId);
		return record(meetingId).map(r -> r.servingOn(meeting.numberOf(item), itemId, seats(meeting).memberIds()))
			.orElse(Set.of());
	}

	/**
	 * {@link #quorum(Long, Long)} from what a page listing every item has already read, so that it does
	 * not read the meeting, the seats and the record again for each item.
	 */
	public Quorum quorum(Meeting meeting, BoardSeats seats, @Nullable MeetingRecord record, AgendaItem item) {
		return record == null ? new Quorum(0, seats.memberIds().size())
				: record.quorum(meeting.numberOf(item), item.getId(), seats.memberIds());
	}

	/** {@link #servingOn(Long, Long)} from what a page listing every item has already read. */
	public Set<Long> servingOn(Meeting meeting, BoardSeats seats, @Nullable MeetingRecord record, AgendaItem item) {
		return record == null ? Set.of() : record.servingOn(meeting.numberOf(item), item.getId(), seats.memberIds());
	}

	/**
	 * {@link #sectionConfidentiality(Long, AgendaItem)} from the record already read and the item's mark in
	 * force ({@link se.paragraf.meetings.MeetingPlanning#confidentialities}).
	 */
	public Confidentiality sectionConfidentiality(@Nullable MeetingRecord record, AgendaItem item,
			Confidentiality itemMark) {
		Decision decision = record == null ? null : record.decisionOn(item.getId()).orElse(null);
		return decision != null && decision.getConfidentiality().isConfidential() ? decision.getConfidentiality()
				: itemMark;
	}

	@Transactional
	public MeetingRecord recordAttendance(Long meetingId, long expectedVersion, List<Attendance> attendance,
			@Nullable String othersPresent) {
		Meeting meeting = this.planning.meeting(meetingId);
		MeetingRecord record = editable(meeting, expectedVersion);
		BoardSeats seats = seats(meeting);
		record.recordAttendance(attendance, othersPresent, seats.memberIds(), seats.substituteIds(),
				meeting.getAgenda().size());
		return this.records.saveAndFlush(record);
	}

	/** Election of the minutes checkers (standard item 1), with the time and place of certification. */
	@Transactional
	public MeetingRecord electCheckers(Long meetingId, long expectedVersion, List<Long> checkers, String place,
			LocalDateTime at) {
		Meeting meeting = this.planning.meeting(meetingId);
		MeetingRecord record = editable(meeting, expectedVersion);
		AgendaItem item = standardItem(meeting, AgendaItemKind.ELECTION_OF_CHECKERS);
		BoardSeats seats = seats(meeting);
		Set<Long> eligible = record.servingOn(meeting.numberOf(item), null, seats.memberIds());
		record.electCheckers(checkers, place, at, eligible);
		String names = checkers.stream().map(id -> this.organisation.person(id).getFullName())
			.collect(Collectors.joining(wording("decision.checkers.and")));
		String text = wording("decision.checkers", names, place.strip(), Sweden.date(at), Sweden.time(at));
		record.decide(item.getId(), meeting.numberOf(item), seats.memberIds(), DecisionOutcome.APPROVED, text, null, null,
				List.of(), null, List.of());
		return this.records.saveAndFlush(record);
	}

	/** Puts a matter on the agenda as an extra item (standard item 2). */
	@Transactional
	public MeetingRecord addExtraItem(Long meetingId, long expectedVersion, Long matterId) {
		Meeting meeting = this.planning.meeting(meetingId);
		MeetingRecord record = editable(meeting, expectedVersion);
		if (record.getState() != RecordState.IN_PROGRESS) {
			throw new RuleViolation("conduct.extraItem.closed");
		}
		this.planning.addExtraMatter(meetingId, meeting.getVersion(), matterId);
		Meeting updated = this.planning.meeting(meetingId);
		AgendaItem extraItem = standardItem(updated, AgendaItemKind.EXTRA_ITEMS);
		Matter matter = this.register.matter(matterId);
		record.announceExtraItem(new ExtraItem(matterId, matter.getDiaryNumber().toString(), matter.getTitle()));
		forceDecide(record, updated, extraItem, seats(updated), extraItemsText(record, updated));
		return this.records.saveAndFlush(record);
	}

	@Transactional
	public MeetingRecord declareConflicts(Long meetingId, long expectedVersion, Long itemId, List<Long> personIds) {
		Meeting meeting = this.planning.meeting(meetingId);
		MeetingRecord record = editable(meeting, expectedVersion);
		meeting.item(itemId);
		BoardSeats seats = seats(meeting);
		Set<Long> holders = new LinkedHashSet<>(seats.memberIds());
		holders.addAll(seats.substituteIds());
		record.declareConflicts(itemId, personIds, holders);
		return this.records.saveAndFlush(record);
	}

	/**
	 * Records the decision on an item. A blank text takes the standard wording of the outcome (for
	 * approval, the proposed resolution). A matter referred to a later meeting goes on its agenda.
	 */
	@Transactional
	public MeetingRecord decide(Long meetingId, long expectedVersion, Long itemId, DecisionCommand command) {
		Meeting meeting = this.planning.meeting(meetingId);
		MeetingRecord record = editable(meeting, expectedVersion);
		AgendaItem item = meeting.item(itemId);
		BoardSeats seats = seats(meeting);
		Meeting referred = null;
		if (command.outcome() == DecisionOutcome.REFERRED && command.referredMeetingId() != null) {
			referred = this.meetings.findById(command.referredMeetingId())
				.orElseThrow(() -> RuleViolation.onField("referredMeetingId", "conduct.decision.meetingUnknown"));
			if (!referred.getBoardId().equals(meeting.getBoardId()) || !referred.getStart().isAfter(meeting.getStart())
					|| referred.getStatus() == MeetingStatus.CANCELLED) {
				throw RuleViolation.onField("referredMeetingId", "conduct.decision.meetingNotLater");
			}
			if (this.planning.sealedBy(referred).isPresent()) {
				throw RuleViolation.onField("referredMeetingId", "conduct.decision.meetingHeld");
			}
		}
		List<Proposal> proposals = command.proposals() == null || command.proposals().isEmpty()
				? administrationProposal(item) : command.proposals();
		String text = command.text() != null && !command.text().isBlank() ? command.text()
				: item.getKind() == AgendaItemKind.EXTRA_ITEMS ? extraItemsText(record, meeting)
						: standardText(command.outcome(), item, command.reason(), referred,
								this.organisation.board(meeting.getBoardId()).getName());
		Long previousReferral = record.decisionOn(itemId).map(Decision::getReferredMeetingId).orElse(null);
		record.decide(itemId, meeting.numberOf(item), seats.memberIds(), command.outcome(), text, command.reason(),
				command.referredMeetingId(), proposals, command.propositionOrder(),
				command.votes() == null ? List.of() : command.votes());
		if (referred != null && item.getMatterId() != null && !referred.getId().equals(previousReferral)
				&& referred.getAgenda().stream().noneMatch(i -> item.getMatterId().equals(i.getMatterId()))) {
			this.planning.addMatter(referred.getId(), referred.getVersion(), item.getMatterId());
		}
		return this.records.saveAndFlush(record);
	}

	@Transactional
	public MeetingRecord dissent(Long meetingId, long expectedVersion, Long itemId, Long personId,
			@Nullable String motivation) {
		Meeting meeting = this.planning.meeting(meetingId);
		MeetingRecord record = existing(meeting, expectedVersion);
		AgendaItem item = meeting.item(itemId);
		record.dissent(itemId, meeting.numberOf(item), seats(meeting).memberIds(), personId, motivation);
		return this.records.saveAndFlush(record);
	}

	@Transactional
	public MeetingRecord withdrawDissent(Long meetingId, long expectedVersion, Long itemId, Long personId) {
		Meeting meeting = this.planning.meeting(meetingId);
		MeetingRecord record = existing(meeting, expectedVersion);
		record.withdrawDissent(itemId, personId);
		return this.records.saveAndFlush(record);
	}

	/** Certifies one section at once (omedelbar justering), with the chair and checkers present. */
	@Transactional
	public MeetingRecord certifyImmediately(Long meetingId, long expectedVersion, Long itemId) {
		Meeting meeting = this.planning.meeting(meetingId);
		MeetingRecord record = existing(meeting, expectedVersion);
		meeting.item(itemId);
		record.certifyImmediately(itemId);
		return this.records.saveAndFlush(record);
	}

	/**
	 * Marks a minute section secret with its OSL ground, or lifts the section's own mark; a section
	 * on a secret agenda item stays secret. Refused once the minutes are certified.
	 */
	@Transactional
	public MeetingRecord classifySection(Long meetingId, long expectedVersion, Long itemId,
			Confidentiality confidentiality) {
		Meeting meeting = this.planning.meeting(meetingId);
		MeetingRecord record = editable(meeting, expectedVersion);
		meeting.item(itemId);
		record.classify(itemId, confidentiality);
		return this.records.saveAndFlush(record);
	}

	/** The mark in force on an item's minute section: the section's own, or else the item's. */
	public Confidentiality sectionConfidentiality(Long meetingId, AgendaItem item) {
		return confidentialityOf(record(meetingId).flatMap(r -> r.decisionOn(item.getId())).orElse(null), item);
	}

	Confidentiality confidentialityOf(@Nullable Decision decision, AgendaItem item) {
		if (decision != null && decision.getConfidentiality().isConfidential()) {
			return decision.getConfidentiality();
		}
		return this.planning.confidentialityOf(item);
	}

	/** The decisions taken on a matter, at every meeting where it stood on the agenda, oldest first. */
	public List<MatterDecision> decisionsOn(Long matterId) {
		List<MatterDecision> decisions = new ArrayList<>();
		for (Meeting meeting : this.meetings.findAllByOrderByStartDesc()) {
			for (AgendaItem item : meeting.getAgenda()) {
				if (!matterId.equals(item.getMatterId())) {
					continue;
				}
				record(meeting.getId()).flatMap(r -> r.decisionOn(item.getId()))
					.filter(Decision::isRecorded)
					.ifPresent(d -> decisions.add(0, new MatterDecision(meeting.getId(), meeting.getStart().toLocalDate(),
							d.getSectionNumber(), java.util.Objects.requireNonNull(d.getOutcome()),
							java.util.Objects.requireNonNullElse(d.getText(), ""), confidentialityOf(d, item).getLegalGround())));
			}
		}
		return decisions;
	}

	/**
	 * Closes the meeting: every item has its decision, the checkers are elected; the items get
	 * their section numbers, continuing the board's numbering of the year.
	 */
	@Transactional
	public MeetingRecord close(Long meetingId, long expectedVersion) {
		Meeting meeting = this.planning.meeting(meetingId);
		MeetingRecord record = existing(meeting, expectedVersion);
		record.close(meeting.getAgenda());
		int year = meeting.getStart().getYear();
		SectionCounter counter = this.counters.findByBoardIdAndYear(meeting.getBoardId(), year)
			.orElseGet(() -> this.counters.saveAndFlush(new SectionCounter(meeting.getBoardId(), year)));
		for (AgendaItem item : meeting.getAgenda()) {
			Decision decision = record.decision(item.getId());
			if (decision.getSectionNumber() == null) {
				decision.number(counter.next());
			}
		}
		meeting.held();
		this.meetings.save(meeting);
		return this.records.saveAndFlush(record);
	}

	/** The standard text of an outcome, so the secretary need not type the usual wording. */
	String standardText(DecisionOutcome outcome, AgendaItem item, @Nullable String reason, @Nullable Meeting referred,
			String board) {
		return switch (outcome) {
			case APPROVED -> {
				List<Proposal> proposals = administrationProposal(item);
				yield proposals.isEmpty() ? wording("decision.approved", board)
						: proposals.stream().map(Proposal::text).collect(Collectors.joining("\n"));
			}
			case APPROVED_WITH_AMENDMENTS -> wording("decision.approvedWithAmendments", board);
			case REJECTED -> wording("decision.rejected", board);
			case REMITTED -> reason == null || reason.isBlank() ? wording("decision.remitted", board)
					: wording("decision.remittedWithReason", board, reason.strip());
			case POSTPONED -> wording("decision.postponed", board);
			case REFERRED -> referred == null ? wording("decision.referredLater", board)
					: wording(referred.getKind() == MeetingKind.EXTRA ? "decision.referredExtra" : "decision.referred",
							board, Sweden.date(referred.getStart()));
			case NOTED -> wording("decision.noted", board);
		};
	}

	/** What happened under "Anmälan av extra ärenden": none announced, or the board takes them up. */
	private String extraItemsText(MeetingRecord record, Meeting meeting) {
		List<ExtraItem> extras = record.getExtraItems();
		if (extras.isEmpty()) {
			return wording("decision.extraItems.none");
		}
		String labels = extras.stream().map(ExtraItem::label)
			.collect(Collectors.joining(wording("decision.extraItems.separator")));
		return wording("decision.extraItems", labels, this.organisation.board(meeting.getBoardId()).getName(),
				extras.size());
	}

	/** Decisions are worded in Swedish, the language of the minutes, whoever records them. */
	private String wording(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Sweden.LOCALE);
	}

	private List<Proposal> administrationProposal(AgendaItem item) {
		if (item.getMatterId() == null) {
			return List.of();
		}
		DecisionBasis basis = this.register.basis(item.getMatterId());
		List<String> points = this.register.report(item.getMatterId()).getProposedResolution();
		if (basis == null || points.isEmpty()) {
			return List.of();
		}
		// The proposed resolution is one proposal, however many points it has.
		List<String> numbered = new ArrayList<>();
		for (int i = 0; i < points.size(); i++) {
			numbered.add((points.size() > 1 ? (i + 1) + ". " : "") + points.get(i));
		}
		return List.of(new Proposal(null, String.join("\n", numbered)));
	}

	private void forceDecide(MeetingRecord record, Meeting meeting, AgendaItem item, BoardSeats seats, String text) {
		record.decide(item.getId(), meeting.numberOf(item), seats.memberIds(), DecisionOutcome.APPROVED, text, null, null,
				List.of(), null, List.of());
	}

	private static AgendaItem standardItem(Meeting meeting, AgendaItemKind kind) {
		return meeting.getAgenda()
			.stream()
			.filter(i -> i.getKind() == kind)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("AgendaItem", kind.name()));
	}

	/**
	 * Whether the meeting's day has not come yet (Swedish time): the record cannot be begun before
	 * it, so that nobody takes the roll or decides on a meeting by mistake weeks early.
	 */
	public boolean isBeforeMeetingDay(Meeting meeting) {
		return meeting.getStart().toLocalDate().isAfter(LocalDate.now(this.clock.withZone(Sweden.ZONE)));
	}

	/** The record to change; it is begun on the first change, on or after the meeting's day, once the notice is published. */
	private MeetingRecord editable(Meeting meeting, long expectedVersion) {
		Optional<MeetingRecord> existing = this.records.findByMeetingId(meeting.getId());
		if (existing.isPresent()) {
			return locked(existing.get(), expectedVersion);
		}
		if (meeting.getStatus() != MeetingStatus.NOTICE_PUBLISHED) {
			throw new RuleViolation(meeting.getStatus() == MeetingStatus.CANCELLED ? "meeting.cancelled"
					: "conduct.notice.notPublished");
		}
		if (isBeforeMeetingDay(meeting)) {
			throw new RuleViolation("conduct.beforeMeetingDay", Sweden.date(meeting.getStart()));
		}
		StaleVersionException.check("MeetingRecord", meeting.getId(), 0, expectedVersion);
		MeetingRecord record = this.records.saveAndFlush(new MeetingRecord(meeting.getId(), meeting.getBoardId()));
		this.entityManager.lock(record, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
		return record;
	}

	private MeetingRecord existing(Meeting meeting, long expectedVersion) {
		MeetingRecord record = this.records.findByMeetingId(meeting.getId())
			.orElseThrow(() -> new RuleViolation("conduct.notStarted"));
		return locked(record, expectedVersion);
	}

	private MeetingRecord locked(MeetingRecord record, long expectedVersion) {
		StaleVersionException.check("MeetingRecord", record.getMeetingId(), record.getVersion(), expectedVersion);
		// A change inside a decision moves the whole record's version too.
		this.entityManager.lock(record, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
		return record;
	}

	/** A person's name, for messages and pages. */
	public String name(Long personId) {
		return this.organisation.person(personId).getFullName();
	}

	public Person person(Long personId) {
		return this.organisation.person(personId);
	}

	/** The day the meeting was held. */
	static LocalDate day(Meeting meeting) {
		return meeting.getStart().toLocalDate();
	}

	/** What the secretary records on an item. */
	public record DecisionCommand(DecisionOutcome outcome, @Nullable String text, @Nullable String reason,
			@Nullable Long referredMeetingId, @Nullable List<Proposal> proposals, @Nullable String propositionOrder,
			@Nullable List<Vote> votes) {

		public static DecisionCommand of(DecisionOutcome outcome) {
			return new DecisionCommand(outcome, null, null, null, null, null, null);
		}

	}

	/** A decision on a matter, for the matter's history. */
	/** A decision on a matter; {@code legalGround} is the ground of its section's secrecy, null when public. */
	public record MatterDecision(Long meetingId, LocalDate meetingDate, @Nullable Integer section,
			DecisionOutcome outcome, String text, @Nullable String legalGround) {
	}

	/** The seats of the board on the meeting day. */
	public record BoardSeats(List<Seat> seats, Set<Long> memberIds, Set<Long> substituteIds, @Nullable Long chairId,
			@Nullable Long viceChairId) {
	}

}
