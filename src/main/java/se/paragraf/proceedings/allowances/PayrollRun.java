package se.paragraf.proceedings.allowances;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * A board's allowances for one month as handed to payroll: closed when made, never changed after.
 * The first run of a month pays what was recorded; a later one holds only corrections.
 */
@Entity
@Table(name = "payroll_run")
public class PayrollRun {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "board_id", nullable = false, updatable = false)
	private Long boardId;

	/** The month, as {@code 2024-03}. */
	@Column(name = "pay_month", nullable = false, updatable = false)
	private String month;

	@Column(name = "run_number", nullable = false, updatable = false)
	private int runNumber;

	@Column(name = "closed_at", nullable = false, updatable = false)
	private Instant closedAt;

	@Column(name = "closed_by", nullable = false, updatable = false)
	private String closedBy;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "payroll_line", joinColumns = @JoinColumn(name = "run_id"))
	@OrderColumn(name = "position")
	private List<PayrollLine> lines = new ArrayList<>();

	protected PayrollRun() {
		this.boardId = 0L;
		this.month = "";
		this.closedAt = Instant.EPOCH;
		this.closedBy = "";
	}

	PayrollRun(Long boardId, String month, int runNumber, Instant closedAt, String closedBy, List<PayrollLine> lines) {
		this.boardId = boardId;
		this.month = month;
		this.runNumber = runNumber;
		this.closedAt = closedAt;
		this.closedBy = closedBy;
		this.lines = new ArrayList<>(lines);
	}

	public Long getId() {
		return java.util.Objects.requireNonNull(this.id);
	}

	public Long getBoardId() {
		return this.boardId;
	}

	public String getMonth() {
		return this.month;
	}

	public int getRunNumber() {
		return this.runNumber;
	}

	public Instant getClosedAt() {
		return this.closedAt;
	}

	public String getClosedBy() {
		return this.closedBy;
	}

	public List<PayrollLine> getLines() {
		return List.copyOf(this.lines);
	}

	/** Whether this run corrects an earlier one of the same month. */
	public boolean isCorrection() {
		return this.runNumber > 1;
	}

}
