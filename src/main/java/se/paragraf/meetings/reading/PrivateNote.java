package se.paragraf.meetings.reading;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * A private note or highlight on one page of one of a meeting's documents ({@code notice} or
 * {@code attachment-<id>}), owned by the account that wrote it. Positions are fractions of the page
 * (0 top/left, 1 bottom/right), so they hold at any zoom and on any screen.
 */
@Entity
@Table(name = "private_note")
public class PrivateNote {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, updatable = false)
	private String owner;

	/** The author's person while she holds a seat on the board; her notes go when the seat ends. */
	@Column(name = "person_id", updatable = false)
	private @Nullable Long personId;

	@Column(name = "board_id", nullable = false, updatable = false)
	private Long boardId;

	@Column(name = "meeting_id", nullable = false, updatable = false)
	private Long meetingId;

	@Column(nullable = false, updatable = false)
	private String document;

	@Column(nullable = false, updatable = false)
	private int page;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private NoteKind kind;

	private @Nullable String body;

	private double x;

	private double y;

	private double width;

	private double height;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected PrivateNote() {
		this.owner = "";
		this.boardId = 0L;
		this.meetingId = 0L;
		this.document = "";
		this.kind = NoteKind.NOTE;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	PrivateNote(String owner, @Nullable Long personId, Long boardId, Long meetingId, String document, int page,
			NoteKind kind, Instant now) {
		this.owner = owner;
		this.personId = personId;
		this.boardId = boardId;
		this.meetingId = meetingId;
		this.document = document;
		this.page = page;
		this.kind = kind;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void write(@Nullable String body, double x, double y, double width, double height, Instant now) {
		this.body = body == null || body.isBlank() ? null : body.strip();
		this.x = x;
		this.y = y;
		this.width = width;
		this.height = height;
		this.updatedAt = now;
	}

	public Long getId() {
		return java.util.Objects.requireNonNull(this.id);
	}

	public String getOwner() {
		return this.owner;
	}

	public @Nullable Long getPersonId() {
		return this.personId;
	}

	public Long getBoardId() {
		return this.boardId;
	}

	public Long getMeetingId() {
		return this.meetingId;
	}

	public String getDocument() {
		return this.document;
	}

	public int getPage() {
		return this.page;
	}

	public NoteKind getKind() {
		return this.kind;
	}

	public @Nullable String getBody() {
		return this.body;
	}

	public double getX() {
		return this.x;
	}

	public double getY() {
		return this.y;
	}

	public double getWidth() {
		return this.width;
	}

	public double getHeight() {
		return this.height;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
