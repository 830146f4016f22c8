package se.paragraf.plans;

import java.math.BigDecimal;
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
 * How a strategic goal is measured: "Användande av e-tjänster", from the administration's own
 * survey or a Kolada KPI, with unit, desired direction, baseline and target.
 */
@Entity
@Table(name = "indicator")
public class Indicator {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "goal_id", nullable = false)
	private Long goalId;

	@Column(nullable = false)
	private int position;

	@Column(nullable = false)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private IndicatorSource source;

	/** The Kolada KPI id (N00945) when the source is Kolada. */
	@Column(name = "kolada_kpi")
	private @Nullable String koladaKpi;

	@Column(name = "unit")
	private @Nullable String unit;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Direction direction;

	@Column(precision = 19, scale = 4)
	private @Nullable BigDecimal baseline;

	@Column(precision = 19, scale = 4)
	private @Nullable BigDecimal target;

	@Version
	private long version;

	protected Indicator() {
		this.goalId = 0L;
		this.name = "";
		this.source = IndicatorSource.INTERNAL;
		this.direction = Direction.INCREASE;
	}

	Indicator(Long goalId, int position, IndicatorDefinition definition) {
		this.goalId = goalId;
		this.position = position;
		this.name = "";
		this.source = IndicatorSource.INTERNAL;
		this.direction = Direction.INCREASE;
		revise(definition);
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getGoalId() {
		return this.goalId;
	}

	public int getPosition() {
		return this.position;
	}

	public String getName() {
		return this.name;
	}

	public IndicatorSource getSource() {
		return this.source;
	}

	public @Nullable String getKoladaKpi() {
		return this.koladaKpi;
	}

	public @Nullable String getUnit() {
		return this.unit;
	}

	public Direction getDirection() {
		return this.direction;
	}

	public @Nullable BigDecimal getBaseline() {
		return this.baseline;
	}

	public @Nullable BigDecimal getTarget() {
		return this.target;
	}

	public long getVersion() {
		return this.version;
	}

	void revise(IndicatorDefinition definition) {
		this.name = definition.name();
		this.source = definition.source();
		this.koladaKpi = definition.koladaKpi();
		this.unit = definition.unit();
		this.direction = definition.direction();
		this.baseline = definition.baseline();
		this.target = definition.target();
	}

}
