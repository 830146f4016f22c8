package se.paragraf.proceedings.allowances;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * A board's rules for allowances: attendance shorter than {@code minimumMinutes} gives none, from
 * {@code fullDayMinutes} on it gives the full-day rate, in between the half-day rate; and whether a
 * substitute present without serving counts. A board without rules of its own has {@link #defaults}.
 */
@Entity
@Table(name = "allowance_rules")
public class AllowanceRules {

	/** No minimum, full day from four hours, substitutes present count (a common municipal rule). */
	public static final int DEFAULT_MINIMUM = 0;

	public static final int DEFAULT_FULL_DAY = 240;

	@Id
	@Column(name = "board_id")
	private Long boardId;

	@Column(name = "minimum_minutes", nullable = false)
	private int minimumMinutes;

	@Column(name = "full_day_minutes", nullable = false)
	private int fullDayMinutes;

	@Column(name = "substitutes_not_serving_count", nullable = false)
	private boolean substitutesNotServingCount;

	@Column(name = "changed_at", nullable = false)
	private Instant changedAt;

	@Column(name = "changed_by", nullable = false)
	private String changedBy;

	@Version
	private @Nullable Long version;

	protected AllowanceRules() {
		this.boardId = 0L;
		this.changedAt = Instant.EPOCH;
		this.changedBy = "";
	}

	AllowanceRules(Long boardId) {
		this.boardId = boardId;
		this.minimumMinutes = DEFAULT_MINIMUM;
		this.fullDayMinutes = DEFAULT_FULL_DAY;
		this.substitutesNotServingCount = true;
		this.changedAt = Instant.EPOCH;
		this.changedBy = "";
	}

	static AllowanceRules defaults(Long boardId) {
		return new AllowanceRules(boardId);
	}

	void change(int minimumMinutes, int fullDayMinutes, boolean substitutesNotServingCount, Instant at, String by) {
		this.minimumMinutes = minimumMinutes;
		this.fullDayMinutes = fullDayMinutes;
		this.substitutesNotServingCount = substitutesNotServingCount;
		this.changedAt = at;
		this.changedBy = by;
	}

	/** The rate for attendance of this length, none below the minimum (or for no time at all). */
	public java.util.Optional<Rate> rateFor(int minutes) {
		if (minutes <= 0 || minutes < this.minimumMinutes) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(minutes >= this.fullDayMinutes ? Rate.FULL_DAY : Rate.HALF_DAY);
	}

	public Long getBoardId() {
		return this.boardId;
	}

	public int getMinimumMinutes() {
		return this.minimumMinutes;
	}

	public int getFullDayMinutes() {
		return this.fullDayMinutes;
	}

	public boolean isSubstitutesNotServingCount() {
		return this.substitutesNotServingCount;
	}

	public Instant getChangedAt() {
		return this.changedAt;
	}

	public String getChangedBy() {
		return this.changedBy;
	}

}
