package se.paragraf.internalcontrol;

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
 * The risk analysis that precedes a control plan: the municipality's (for the common points) or a
 * board's, scored on one version of the risk matrix.
 */
@Entity
@Table(name = "risk_analysis")
public class RiskAnalysis {

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

	@Column(name = "analysis_year", nullable = false)
	private int year;

	@Column(name = "matrix_id", nullable = false)
	private Long matrixId;

	@Version
	private long version;

	protected RiskAnalysis() {
		this.origin = Origin.BOARD;
		this.municipalityId = 0L;
		this.matrixId = 0L;
	}

	RiskAnalysis(Origin origin, Long municipalityId, @Nullable Long boardId, int year, Long matrixId) {
		this.origin = origin;
		this.municipalityId = municipalityId;
		this.boardId = boardId;
		this.year = year;
		this.matrixId = matrixId;
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

	public Long getMatrixId() {
		return this.matrixId;
	}

	public long getVersion() {
		return this.version;
	}

	void moveTo(Long matrixId) {
		this.matrixId = matrixId;
	}

}
