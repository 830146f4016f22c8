package se.paragraf.proceedings;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import se.paragraf.shared.Confidentiality;
import se.paragraf.shared.RuleViolation;
import se.paragraf.meetings.AgendaItem;
import se.paragraf.meetings.RecordState;

/**
 * The record of a held meeting, from which the minutes are made: who attended, the minutes
 * checkers and the decision on each agenda item. Every change moves its version, so two
 * secretaries recording at once cannot overwrite each other.
 */
@Entity
@Table(name = "meeting_record")
public class MeetingRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "meeting_id", nullable = false, updatable = false, unique = true)
	private Long meetingId;

	@Column(name = "board_id", nullable = false, updatable = false)
	private Long boardId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RecordState state = RecordState.IN_PROGRESS;

	@Convert(converter = JsonConverters.Attendances.class)
	@Column(nullable = false)
	private List<Attendance> attendance = new ArrayList<>();

	/** Officials and others present (övriga närvarande), as the cover lists them. */
	@Column(name = "others_present")
	private @Nullable String othersPresent;

	@Convert(converter = JsonConverters.Ids.class)
	@Column(nullable = false)
	private List<Long> checkers = new ArrayList<>();

	@Column(name = "certification_place")
	private @Nullable String certificationPlace;

	@Column(name = "certification_at")
	private @Nullable LocalDateTime certificationAt;

	@Column(name = "correction_reason")
	private @Nullable String correctionReason;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@JoinColumn(name = "record_id", nullable = false)
	private List<Decision> decisions = new ArrayList<>();

	/** The matters announced as extra items, in the order announced. */
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "extra_item", joinColumns = @JoinColumn(name = "record_id"))
	@OrderColumn(name = "position")
	private List<ExtraItem> extraItems = new ArrayList<>();

	@Version
	private long version;

	protected MeetingRecord() {
		this.meetingId = 0L;
		this.boardId = 0L;
	}

	MeetingRecord(Long meetingId, Long boardId) {
		this.meetingId = meetingId;
		this.boardId = boardId;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getMeetingId() {
		return this.meetingId;
	}

	public Long getBoardId() {
		return this.boardId;
	}

	public RecordState getState() {
		return this.state;
	}

	public boolean isCertified() {
		return this.state == RecordState.CERTIFIED;
	}

	public List<Attendance> getAttendance() {
		return List.copyOf(this.attendance);
	}

	public Optional<Attendance> attendanceOf(Long personId) {
		return this.attendance.stream().filter(a -> a.personId().equals(personId)).findFirst();
	}

	public @Nullable String getOthersPresent() {
		return this.othersPresent;
	}

	public List<Long> getCheckers() {
		return List.copyOf(this.checkers);
	}

	public List<ExtraItem> getExtraItems() {
		return List.copyOf(this.extraItems);
	}

	void announceExtraItem(ExtraItem item) {
		checkEditable();
		this.extraItems.add(item);
	}

	public @Nullable String getCertificationPlace() {
		return this.certificationPlace;
	}

	public @Nullable LocalDateTime getCertificationAt() {
		return this.certificationAt;
	}

	public @Nullable String getCorrectionReason() {
		return this.correctionReason;
	}

	public List<Decision> getDecisions() {
		return List.copyOf(this.decisions);
	}

	public Optional<Decision> decisionOn(Long agendaItemId) {
		return this.decisions.stream().filter(d -> d.getAgendaItemId().equals(agendaItemId)).findFirst();
	}

	public long getVersion() {
		return this.version;
	}

	/**
	 * The decision makers on an item: members present for it, and substitutes serving for a
	 * member who is not, less those with a conflict of interest in the item.
	 */
	public Set<Long> servingOn(int itemNumber, @Nullable Long agendaItemId, Set<Long> memberIds) {
		Set<Long> serving = new LinkedHashSet<>();
		for (Attendance a : this.attendance) {
			if (!a.covers(itemNumber)) {
				continue;
			}
			if (memberIds.contains(a.personId())) {
				serving.add(a.personId());
			}
			else if (a.servingForPersonId() != null && !present(a.servingForPersonId(), itemNumber)) {
				serving.add(a.personId());
			}
		}
		if (agendaItemId != null) {
			decisionOn(agendaItemId).ifPresent(d -> d.getConflicts().forEach(serving::remove));
		}
		return serving;
	}

	/** Quorum on an item (more than half of the board's members, conflicts not counted). */
	public Quorum quorum(int itemNumber, @Nullable Long agendaItemId, Set<Long> memberIds) {
		return new Quorum(servingOn(itemNumber, agendaItemId, memberIds).size(), memberIds.size());
	}

	/** The chair of the meeting: the board's chair if present, otherwise the vice chair. */
	public Optional<Long> presiding(@Nullable Long chairId, @Nullable Long viceChairId) {
		if (chairId != null && attendanceOf(chairId).map(a -> a.presence().isPresent()).orElse(false)) {
			return Optional.of(chairId);
		}
		if (viceChairId != null && attendanceOf(viceChairId).map(a -> a.presence().isPresent()).orElse(false)) {
			return Optional.of(viceChairId);
		}
		return Optional.ofNullable(chairId);
	}

	private boolean present(Long personId, int itemNumber) {
		return attendanceOf(personId).map(a -> a.covers(itemNumber)).orElse(false);
	}

	/**
	 * Takes the roll call. Everyone must hold a seat on the board; a substitute may serve only for
	 * a member, and only one substitute for each member.
	 */
	void recordAttendance(List<Attendance> entries, @Nullable String othersPresent, Set<Long> memberIds,
			Set<Long> substituteIds, int agendaSize) {
		checkEditable();
		Set<Long> seen = new HashSet<>();
		Set<Long> servedFor = new HashSet<>();
		for (Attendance a : entries) {
			if (!seen.add(a.personId())) {
				throw RuleViolation.onField("attendance", "conduct.attendance.duplicate");
			}
			if (!memberIds.contains(a.personId()) && !substituteIds.contains(a.personId())) {
				throw RuleViolation.onField("attendance", "conduct.attendance.noSeat", a.personId());
			}
			if (a.fromItem() != null && (a.fromItem() < 1 || a.fromItem() > agendaSize)
					|| a.toItem() != null && (a.toItem() < 1 || a.toItem() > agendaSize)
					|| a.fromItem() != null && a.toItem() != null && a.fromItem() > a.toItem()) {
				throw RuleViolation.onField("attendance", "conduct.attendance.range", agendaSize);
			}
			if (a.servingForPersonId() != null) {
				if (!substituteIds.contains(a.personId()) || !memberIds.contains(a.servingForPersonId())) {
					throw RuleViolation.onField("attendance", "conduct.attendance.servingForMember");
				}
				if (!a.presence().isPresent()) {
					throw RuleViolation.onField("attendance", "conduct.attendance.servingAbsent");
				}
				if (!servedFor.add(a.servingForPersonId())) {
					throw RuleViolation.onField("attendance", "conduct.attendance.twoSubstitutes");
				}
			}
		}
		this.attendance = new ArrayList<>(entries);
		this.othersPresent = othersPresent == null || othersPresent.isBlank() ? null : othersPresent.strip();
	}

	void electCheckers(List<Long> personIds, String place, LocalDateTime at, Set<Long> eligible) {
		checkEditable();
		if (personIds.isEmpty() || personIds.size() > 2 || personIds.stream().distinct().count() != personIds.size()) {
			throw RuleViolation.onField("checkers", "conduct.checkers.count");
		}
		for (Long personId : personIds) {
			if (!eligible.contains(personId)) {
				throw RuleViolation.onField("checkers", "conduct.checkers.notServing");
			}
		}
		if (place.isBlank()) {
			throw RuleViolation.onField("certificationPlace", "conduct.checkers.place");
		}
		this.checkers = new ArrayList<>(personIds);
		this.certificationPlace = place.strip();
		this.certificationAt = at;
	}

	Decision decision(Long agendaItemId) {
		return decisionOn(agendaItemId).orElseGet(() -> {
			Decision decision = new Decision(agendaItemId);
			this.decisions.add(decision);
			return decision;
		});
	}

	void classify(Long agendaItemId, Confidentiality confidentiality) {
		checkEditable();
		decision(agendaItemId).classify(confidentiality);
	}

	void declareConflicts(Long agendaItemId, List<Long> personIds, Set<Long> seatHolders) {
		checkEditable();
		if (!seatHolders.containsAll(personIds)) {
			throw RuleViolation.onField("conflicts", "conduct.conflict.noSeat");
		}
		decision(agendaItemId).conflicts(personIds);
	}

	/**
	 * Records the decision on an item. Refused without quorum, and when a vote is cast by somebody
	 * who does not serve on the item.
	 */
	void decide(Long agendaItemId, int itemNumber, Set<Long> memberIds, DecisionOutcome outcome, String text,
			@Nullable String reason, @Nullable Long referredMeetingId, List<Proposal> proposals,
			@Nullable String propositionOrder, List<Vote> votes) {
		checkEditable();
		Quorum quorum = quorum(itemNumber, agendaItemId, memberIds);
		if (!quorum.isReached()) {
			throw new RuleViolation("conduct.quorum.missing", quorum.serving(), quorum.members(), quorum.missing());
		}
		Set<Long> serving = servingOn(itemNumber, agendaItemId, memberIds);
		Set<Long> voters = new HashSet<>();
		for (Vote vote : votes) {
			if (!serving.contains(vote.personId())) {
				throw RuleViolation.onField("votes", "conduct.vote.notServing", vote.personId());
			}
			if (!voters.add(vote.personId())) {
				throw RuleViolation.onField("votes", "conduct.vote.twice");
			}
		}
		if (outcome == DecisionOutcome.REMITTED && (reason == null || reason.isBlank())) {
			throw RuleViolation.onField("reason", "conduct.decision.reasonRequired");
		}
		if (outcome == DecisionOutcome.REFERRED && referredMeetingId == null) {
			throw RuleViolation.onField("referredMeetingId", "conduct.decision.meetingRequired");
		}
		if (text.isBlank()) {
			throw RuleViolation.onField("text", "conduct.decision.textRequired");
		}
		Decision decision = decision(agendaItemId);
		if (decision.isImmediatelyCertified()) {
			throw new RuleViolation("conduct.section.immediatelyCertified");
		}
		decision.record(outcome, text.strip(), reason == null || reason.isBlank() ? null : reason.strip(),
				outcome == DecisionOutcome.REFERRED ? referredMeetingId : null, proposals, propositionOrder, votes);
	}

	/** A dissent by a decision maker on the item; refused once the minutes are certified. */
	void dissent(Long agendaItemId, int itemNumber, Set<Long> memberIds, Long personId, @Nullable String motivation) {
		if (this.state == RecordState.CERTIFIED || this.state == RecordState.IN_CORRECTION) {
			throw new RuleViolation("conduct.dissent.afterCertification");
		}
		Decision decision = decisionOn(agendaItemId).filter(Decision::isRecorded)
			.orElseThrow(() -> new RuleViolation("conduct.dissent.noDecision"));
		if (decision.isImmediatelyCertified()) {
			throw new RuleViolation("conduct.section.immediatelyCertified");
		}
		if (!servingOn(itemNumber, agendaItemId, memberIds).contains(personId)) {
			throw RuleViolation.onField("personId", "conduct.dissent.notServing");
		}
		decision.dissent(new Dissent(personId, motivation == null || motivation.isBlank() ? null : motivation.strip()));
	}

	void withdrawDissent(Long agendaItemId, Long personId) {
		if (this.state == RecordState.CERTIFIED || this.state == RecordState.IN_CORRECTION) {
			throw new RuleViolation("conduct.dissent.afterCertification");
		}
		decisionOn(agendaItemId).ifPresent(d -> d.withdrawDissent(personId));
	}

	/**
	 * Immediate certification of one section (omedelbar justering): the decision stands as
	 * recorded and can be acted on at once; it can no longer change.
	 */
	void certifyImmediately(Long agendaItemId) {
		checkEditable();
		if (this.checkers.isEmpty()) {
			throw new RuleViolation("conduct.close.noCheckers");
		}
		Decision decision = decisionOn(agendaItemId).filter(Decision::isRecorded)
			.orElseThrow(() -> new RuleViolation("conduct.dissent.noDecision"));
		if (decision.isImmediatelyCertified()) {
			throw new RuleViolation("conduct.section.immediatelyCertified");
		}
		decision.certifyImmediately();
	}

	/** Closes the meeting; every item must have its decision and the checkers must be elected. */
	void close(List<AgendaItem> agenda) {
		checkEditable();
		if (this.state != RecordState.IN_PROGRESS) {
			throw new RuleViolation("conduct.close.alreadyClosed");
		}
		if (this.checkers.isEmpty()) {
			throw new RuleViolation("conduct.close.noCheckers");
		}
		for (AgendaItem item : agenda) {
			if (decisionOn(item.getId()).filter(Decision::isRecorded).isEmpty()) {
				throw new RuleViolation("conduct.close.undecided", item.getTitle());
			}
		}
		this.state = RecordState.CLOSED;
	}

	void certified() {
		if (this.state == RecordState.CERTIFIED) {
			throw new RuleViolation("minutes.alreadyCertified");
		}
		this.state = RecordState.CERTIFIED;
		this.correctionReason = null;
	}

	void openCorrection(String reason) {
		if (this.state != RecordState.CERTIFIED) {
			throw new RuleViolation("minutes.correction.notCertified");
		}
		this.state = RecordState.IN_CORRECTION;
		this.correctionReason = reason.strip();
	}

	void checkEditable() {
		if (this.state == RecordState.CERTIFIED) {
			throw new RuleViolation("minutes.certified.immutable");
		}
	}

}
