package se.paragraf.meetings;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;

/**
 * A meeting (sammanträde) of a board, with its agenda. Any change to the agenda changes the
 * meeting's version, so two secretaries editing at once cannot overwrite each other.
 */
@Entity
@Audited
public class Meeting {

	static final String CHECKERS_TITLE = "Val av justerare";

	static final String EXTRA_ITEMS_TITLE = "Anmälan av extra ärenden";

	static final String ORAL_INFORMATION_TITLE = "Information från verksamheten";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "board_id", nullable = false, updatable = false)
	private Long boardId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private MeetingKind kind;

	@Column(name = "starts_at", nullable = false)
	private LocalDateTime start;

	@Column(name = "ends_at", nullable = false)
	private LocalDateTime end;

	/** A room and address, when the board meets in person. */
	private @Nullable String place;

	/** The tool's name, when the board meets digitally ("Netpublicator"). */
	@Column(name = "digital_tool")
	private @Nullable String digitalTool;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private MeetingStatus status = MeetingStatus.PLANNED;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
	@JoinColumn(name = "meeting_id", nullable = false)
	@OrderColumn(name = "position", nullable = false)
	private List<AgendaItem> agenda = new ArrayList<>();

	@Version
	private long version;

	protected Meeting() {
		this.boardId = 0L;
		this.kind = MeetingKind.ORDINARY;
		this.start = LocalDateTime.MIN;
		this.end = LocalDateTime.MIN;
	}

	/** A new meeting opens with the standard items and closes with the administration's information. */
	Meeting(Long boardId, MeetingKind kind, LocalDateTime start, LocalDateTime end, @Nullable String place,
			@Nullable String digitalTool) {
		this.boardId = boardId;
		this.kind = kind;
		reschedule(start, end, place, digitalTool);
		this.agenda.add(new AgendaItem(AgendaItemKind.ELECTION_OF_CHECKERS, CHECKERS_TITLE, null));
		this.agenda.add(new AgendaItem(AgendaItemKind.EXTRA_ITEMS, EXTRA_ITEMS_TITLE, null));
		this.agenda.add(new AgendaItem(AgendaItemKind.ORAL_INFORMATION, ORAL_INFORMATION_TITLE, null));
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getBoardId() {
		return this.boardId;
	}

	public MeetingKind getKind() {
		return this.kind;
	}

	public LocalDateTime getStart() {
		return this.start;
	}

	public LocalDateTime getEnd() {
		return this.end;
	}

	public @Nullable String getPlace() {
		return this.place;
	}

	public @Nullable String getDigitalTool() {
		return this.digitalTool;
	}

	public boolean isDigital() {
		return this.digitalTool != null;
	}

	/** Where, as the notice says it: "Digitalt via Netpublicator" or the room. */
	public String getLocation() {
		return isDigital() ? "Digitalt via " + this.digitalTool : Objects.requireNonNullElse(this.place, "");
	}

	public MeetingStatus getStatus() {
		return this.status;
	}

	/** The items on the agenda, in order; removed items are not among them. */
	public List<AgendaItem> getAgenda() {
		return active();
	}

	/** The items taken off the agenda, the most recently removed first; each may be restored. */
	public List<AgendaItem> getRemovedItems() {
		return this.agenda.stream()
			.filter(AgendaItem::isRemoved)
			.sorted(java.util.Comparator.comparing(AgendaItem::getRemovedAt).reversed())
			.toList();
	}

	public long getVersion() {
		return this.version;
	}

	/** The item's number on the agenda, counting from 1. */
	public int numberOf(AgendaItem item) {
		return active().indexOf(item) + 1;
	}

	void reschedule(LocalDateTime start, LocalDateTime end, @Nullable String place, @Nullable String digitalTool) {
		if (!end.isAfter(start)) {
			throw RuleViolation.onField("end", "meeting.end.beforeStart");
		}
		boolean hasPlace = place != null && !place.isBlank();
		boolean hasTool = digitalTool != null && !digitalTool.isBlank();
		if (!hasPlace && !hasTool) {
			throw RuleViolation.onField("place", "meeting.place.required");
		}
		this.start = start;
		this.end = end;
		this.place = hasPlace ? place.strip() : null;
		this.digitalTool = hasTool ? digitalTool.strip() : null;
	}

	/** A matter goes after the last matter, before the closing oral information. */
	AgendaItem addMatter(Long matterId, String title) {
		checkEditable();
		if (active().stream().anyMatch(i -> matterId.equals(i.getMatterId()))) {
			throw RuleViolation.onField("matterId", "agenda.matter.alreadyOnAgenda");
		}
		AgendaItem item = new AgendaItem(AgendaItemKind.MATTER, title, matterId);
		this.agenda.add(insertionPoint(), item);
		return item;
	}

	AgendaItem addOralInformation(String title) {
		checkEditable();
		AgendaItem item = new AgendaItem(AgendaItemKind.ORAL_INFORMATION, title, null);
		this.agenda.add(active().size(), item);
		return item;
	}

	/** Moves an item to a new number; the standard opening items keep their places. */
	void move(Long itemId, int newNumber) {
		checkEditable();
		AgendaItem item = item(itemId);
		if (item.getKind().opensAgenda()) {
			throw new RuleViolation("agenda.standardItem.fixed");
		}
		List<AgendaItem> active = new ArrayList<>(active());
		int opening = (int) active.stream().filter(i -> i.getKind().opensAgenda()).count();
		if (newNumber <= opening || newNumber > active.size()) {
			throw RuleViolation.onField("number", "agenda.number.outOfRange", opening + 1, active.size());
		}
		active.remove(item);
		active.add(newNumber - 1, item);
		arrange(active);
	}

	/** Puts the agenda in the given order of item ids; every item on it must be named once. */
	void reorder(List<Long> itemIds) {
		checkEditable();
		List<AgendaItem> active = active();
		List<Long> current = active.stream().map(AgendaItem::getId).toList();
		if (itemIds.size() != current.size() || !itemIds.containsAll(current)) {
			throw RuleViolation.onField("itemIds", "agenda.order.incomplete");
		}
		List<AgendaItem> ordered = itemIds.stream().map(this::item).toList();
		for (int i = 0; i < ordered.size(); i++) {
			if (ordered.get(i).getKind().opensAgenda() != active.get(i).getKind().opensAgenda()
					|| (ordered.get(i).getKind().opensAgenda() && ordered.get(i) != active.get(i))) {
				throw new RuleViolation("agenda.standardItem.fixed");
			}
		}
		arrange(ordered);
	}

	/**
	 * Takes an item off the agenda, recorded and restorable: it keeps its row after the items in use,
	 * and the items after it move up a number.
	 */
	AgendaItem remove(Long itemId, Instant at, String by) {
		checkEditable();
		AgendaItem item = item(itemId);
		if (item.getKind().opensAgenda()) {
			throw new RuleViolation("agenda.standardItem.fixed");
		}
		int number = numberOf(item);
		this.agenda.remove(item);
		this.agenda.add(item);
		item.removed(at, by, number);
		return item;
	}

	/**
	 * Puts a removed item back at the number it had, or last if the agenda has become shorter. A
	 * matter that is back on the agenda by another item is not put there twice.
	 */
	AgendaItem restore(Long itemId) {
		checkEditable();
		AgendaItem item = this.agenda.stream()
			.filter(i -> i.isRemoved() && itemId.equals(i.getIdOrNull()))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("RemovedAgendaItem", itemId));
		if (item.getMatterId() != null && active().stream().anyMatch(i -> item.getMatterId().equals(i.getMatterId()))) {
			throw new RuleViolation("agenda.restore.alreadyOnAgenda", item.getTitle());
		}
		List<AgendaItem> active = new ArrayList<>(active());
		int opening = (int) active.stream().filter(i -> i.getKind().opensAgenda()).count();
		int index = Math.max(opening, Math.min(item.getRemovedNumber() - 1, active.size()));
		item.restored();
		active.add(index, item);
		arrange(active);
		return item;
	}

	/** The items in use in the given order, then the removed ones as they were. */
	private void arrange(List<AgendaItem> active) {
		List<AgendaItem> removed = this.agenda.stream().filter(AgendaItem::isRemoved).toList();
		this.agenda.clear();
		this.agenda.addAll(active);
		this.agenda.addAll(removed);
	}

	private List<AgendaItem> active() {
		return this.agenda.stream().filter(i -> !i.isRemoved()).toList();
	}

	/** An item on the agenda; a removed one is not found. */
	public AgendaItem item(Long itemId) {
		return active().stream()
			.filter(i -> itemId.equals(i.getIdOrNull()))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("AgendaItem", itemId));
	}

	void noticePublished() {
		// A notice republished after the meeting does not take the meeting back before it was held.
		if (this.status == MeetingStatus.PLANNED) {
			this.status = MeetingStatus.NOTICE_PUBLISHED;
		}
	}

	public void held() {
		this.status = MeetingStatus.HELD;
	}

	public void minutesCertified() {
		this.status = MeetingStatus.MINUTES_CERTIFIED;
	}

	void cancel() {
		this.status = MeetingStatus.CANCELLED;
	}

	/**
	 * Why the meeting can no longer be planned, given where its record stands (null before recording
	 * begins): once the meeting is under way, what its minutes record (date, place, agenda, the items'
	 * secrecy, the notice) is fixed. Certified minutes change only by a correction of the minutes,
	 * which changes the record, never the meeting. Empty while the meeting is still being planned.
	 */
	Optional<String> sealedBy(@Nullable RecordState record) {
		RecordState state = record != null ? record : switch (this.status) {
			case HELD -> RecordState.CLOSED;
			case MINUTES_CERTIFIED -> RecordState.CERTIFIED;
			default -> null;
		};
		if (state == null) {
			return Optional.empty();
		}
		return Optional.of(switch (state) {
			case IN_PROGRESS -> "meeting.sealed.inProgress";
			case CLOSED -> "meeting.sealed.closed";
			case CERTIFIED -> "meeting.sealed.certified";
			case IN_CORRECTION -> "meeting.sealed.inCorrection";
		});
	}

	/** Refuses a change to the meeting or its agenda once the meeting is under way; see {@link #sealedBy}. */
	void checkPlannable(@Nullable RecordState record) {
		Optional<String> sealed = sealedBy(record);
		if (sealed.isPresent()) {
			throw new RuleViolation(sealed.get());
		}
	}

	private void checkEditable() {
		if (this.status == MeetingStatus.CANCELLED) {
			throw new RuleViolation("meeting.cancelled");
		}
	}

	private int insertionPoint() {
		List<AgendaItem> active = active();
		int position = active.size();
		while (position > 0 && active.get(position - 1).getKind() == AgendaItemKind.ORAL_INFORMATION) {
			position--;
		}
		return Math.max(position, (int) active.stream().filter(i -> i.getKind().opensAgenda()).count());
	}

}
