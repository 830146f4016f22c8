package se.paragraf.internalcontrol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * A board's follow-up of one control point for one year: was the control performed, with or without
 * remark, what was found and what is done about it. Submitted, it is locked; a correction is a new
 * follow-up that replaces it and keeps it.
 */
@Entity
@Table(name = "follow_up")
public class FollowUp {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "control_point_id", nullable = false)
	private Long controlPointId;

	@Column(name = "board_id", nullable = false)
	private Long boardId;

	@Column(name = "period_year", nullable = false)
	private int year;

	@Column(nullable = false)
	private boolean performed;

	@Enumerated(EnumType.STRING)
	@Column(name = "result")
	private @Nullable FollowUpResult result;

	@Column(nullable = false)
	private String remark;

	/** The date the follow-up carries, "daterad den 30 augusti 2023". */
	@Column(name = "follow_up_date", nullable = false)
	private LocalDate date;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private FollowUpStatus status;

	@Column(name = "submitted_at")
	private @Nullable Instant submittedAt;

	@Column(name = "submitted_by")
	private @Nullable String submittedBy;

	@Column(name = "replaces_id")
	private @Nullable Long replacesId;

	@Column(name = "replaced_by_id")
	private @Nullable Long replacedById;

	@Column(name = "correction_reason")
	private @Nullable String correctionReason;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "follow_up_measure", joinColumns = @JoinColumn(name = "follow_up_id"))
	@OrderColumn(name = "position")
	private List<Measure> measures = new ArrayList<>();

	@Version
	private long version;

	protected FollowUp() {
		this.controlPointId = 0L;
		this.boardId = 0L;
		this.remark = "";
		this.date = LocalDate.EPOCH;
		this.status = FollowUpStatus.DRAFT;
	}

	FollowUp(Long controlPointId, Long boardId, int year, FollowUpContent content) {
		this.controlPointId = controlPointId;
		this.boardId = boardId;
		this.year = year;
		this.remark = "";
		this.date = content.date();
		this.status = FollowUpStatus.DRAFT;
		write(content);
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getControlPointId() {
		return this.controlPointId;
	}

	public Long getBoardId() {
		return this.boardId;
	}

	public int getYear() {
		return this.year;
	}

	public boolean isPerformed() {
		return this.performed;
	}

	public @Nullable FollowUpResult getResult() {
		return this.result;
	}

	public String getRemark() {
		return this.remark;
	}

	public LocalDate getDate() {
		return this.date;
	}

	public FollowUpStatus getStatus() {
		return this.status;
	}

	public boolean isSubmitted() {
		return this.status == FollowUpStatus.SUBMITTED;
	}

	public @Nullable Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public @Nullable String getSubmittedBy() {
		return this.submittedBy;
	}

	public @Nullable Long getReplacesId() {
		return this.replacesId;
	}

	public @Nullable Long getReplacedById() {
		return this.replacedById;
	}

	public @Nullable String getCorrectionReason() {
		return this.correctionReason;
	}

	public List<Measure> getMeasures() {
		return List.copyOf(this.measures);
	}

	public long getVersion() {
		return this.version;
	}

	/** Changes a draft; a submitted follow-up refuses (the caller makes a correction instead). */
	void write(FollowUpContent content) {
		if (isSubmitted()) {
			throw new FollowUpLocked(getId());
		}
		this.performed = content.performed();
		this.result = content.result();
		this.remark = content.remark() == null ? "" : content.remark().strip();
		this.date = content.date();
		this.measures.clear();
		this.measures.addAll(content.measures());
	}

	void submit(Instant at, String by) {
		if (isSubmitted()) {
			throw new FollowUpLocked(getId());
		}
		this.status = FollowUpStatus.SUBMITTED;
		this.submittedAt = at;
		this.submittedBy = by;
	}

	void correctionOf(Long replacedId, String reason) {
		this.replacesId = replacedId;
		this.correctionReason = reason;
	}

	void replacedBy(Long correctionId) {
		this.replacedById = correctionId;
	}

}
