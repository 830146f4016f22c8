package se.paragraf.internalcontrol;

import java.time.LocalDate;
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
 * A plan for internal control for one year: the municipality-wide plan set by the executive board,
 * whose common points every board of the municipality follows up, or a board's own plan.
 */
@Entity
@Table(name = "control_plan")
public class ControlPlan {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Origin origin;

	@Column(name = "municipality_id", nullable = false)
	private Long municipalityId;

	@Column(name = "board_id")
	private @Nullable Long boardId;

	@Column(name = "plan_year", nullable = false)
	private int year;

	@Column(name = "risk_analysis_id")
	private @Nullable Long riskAnalysisId;

	/** Who set the plan and where: "Kommunstyrelsen 2022-11-01 § 138". */
	@Column(name = "decided_by")
	private @Nullable String decidedBy;

	@Column(name = "decided_on")
	private @Nullable LocalDate decidedOn;

	@Version
	private long version;

	protected ControlPlan() {
		this.origin = Origin.BOARD;
		this.municipalityId = 0L;
	}

	ControlPlan(Origin origin, Long municipalityId, @Nullable Long boardId, int year, @Nullable Long riskAnalysisId,
			@Nullable String decidedBy, @Nullable LocalDate decidedOn) {
		this.origin = origin;
		this.municipalityId = municipalityId;
		this.boardId = boardId;
		this.year = year;
		this.riskAnalysisId = riskAnalysisId;
		this.decidedBy = decidedBy;
		this.decidedOn = decidedOn;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Origin getOrigin() {
		return this.origin;
	}

	public Long getMunicipalityId() {
		return this.municipalityId;
	}

	public @Nullable Long getBoardId() {
		return this.boardId;
	}

	public int getYear() {
		return this.year;
	}

	public @Nullable Long getRiskAnalysisId() {
		return this.riskAnalysisId;
	}

	public @Nullable String getDecidedBy() {
		return this.decidedBy;
	}

	public @Nullable LocalDate getDecidedOn() {
		return this.decidedOn;
	}

	public long getVersion() {
		return this.version;
	}

	/** The day the board's report of its follow-ups to the executive board is due. */
	public LocalDate reportDue() {
		return LocalDate.of(this.year + 1, 1, 31);
	}

}
