package se.paragraf.plans;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * An indicator's value for one period ("2023"). When Kolada later publishes a different value for
 * the same period, the earlier one is kept as the previous value and the revision is dated.
 */
@Entity
@Table(name = "measurement")
public class Measurement {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "indicator_id", nullable = false)
	private Long indicatorId;

	@Column(nullable = false)
	private String period;

	@Column(name = "measured_value", nullable = false, precision = 19, scale = 4)
	private BigDecimal value;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private MeasurementSource source;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

	@Column(name = "previous_value", precision = 19, scale = 4)
	private @Nullable BigDecimal previousValue;

	@Column(name = "revised_at")
	private @Nullable Instant revisedAt;

	@Version
	private long version;

	protected Measurement() {
		this.indicatorId = 0L;
		this.period = "";
		this.value = BigDecimal.ZERO;
		this.source = MeasurementSource.MANUAL;
		this.recordedAt = Instant.EPOCH;
	}

	Measurement(Long indicatorId, String period, BigDecimal value, MeasurementSource source, Instant recordedAt) {
		this.indicatorId = indicatorId;
		this.period = period;
		this.value = value;
		this.source = source;
		this.recordedAt = recordedAt;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getIndicatorId() {
		return this.indicatorId;
	}

	public String getPeriod() {
		return this.period;
	}

	public BigDecimal getValue() {
		return this.value;
	}

	public MeasurementSource getSource() {
		return this.source;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

	public @Nullable BigDecimal getPreviousValue() {
		return this.previousValue;
	}

	public @Nullable Instant getRevisedAt() {
		return this.revisedAt;
	}

	public long getVersion() {
		return this.version;
	}

	/** Whether the source changed this value after the given moment (the plan's decision). */
	public boolean revisedAfter(@Nullable Instant moment) {
		return moment != null && this.revisedAt != null && this.revisedAt.isAfter(moment);
	}

	/** Records a new value; a Kolada value that differs from the one held is a revision. */
	boolean record(BigDecimal value, MeasurementSource source, Instant at) {
		if (this.value.compareTo(value) == 0) {
			return false;
		}
		if (source == MeasurementSource.KOLADA && this.source == MeasurementSource.KOLADA) {
			this.previousValue = this.value;
			this.revisedAt = at;
		}
		this.value = value;
		this.source = source;
		this.recordedAt = at;
		return true;
	}

}
