package se.paragraf.internalcontrol;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * One version of a municipality's likelihood × consequence matrix: the labels of each level, lowest
 * first. A version never changes; a change is a new version, and analyses move to it only when
 * their scores are re-mapped explicitly.
 */
@Entity
@Table(name = "risk_matrix")
public class RiskMatrix {

	private static final String SEPARATOR = "|";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "municipality_id", nullable = false)
	private Long municipalityId;

	@Column(name = "matrix_version", nullable = false)
	private int matrixVersion;

	@Column(name = "likelihood_labels", nullable = false)
	private String likelihoodLabels;

	@Column(name = "consequence_labels", nullable = false)
	private String consequenceLabels;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected RiskMatrix() {
		this.municipalityId = 0L;
		this.likelihoodLabels = "";
		this.consequenceLabels = "";
		this.createdAt = Instant.EPOCH;
	}

	RiskMatrix(Long municipalityId, int matrixVersion, List<String> likelihood, List<String> consequence,
			Instant createdAt) {
		this.municipalityId = municipalityId;
		this.matrixVersion = matrixVersion;
		this.likelihoodLabels = String.join(SEPARATOR, likelihood);
		this.consequenceLabels = String.join(SEPARATOR, consequence);
		this.createdAt = createdAt;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getMunicipalityId() {
		return this.municipalityId;
	}

	public int getMatrixVersion() {
		return this.matrixVersion;
	}

	public List<String> getLikelihoodLabels() {
		return Arrays.asList(this.likelihoodLabels.split("\\|"));
	}

	public List<String> getConsequenceLabels() {
		return Arrays.asList(this.consequenceLabels.split("\\|"));
	}

	public int likelihoodLevels() {
		return getLikelihoodLabels().size();
	}

	public int consequenceLevels() {
		return getConsequenceLabels().size();
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public boolean holds(int likelihood, int consequence) {
		return likelihood >= 1 && likelihood <= likelihoodLevels() && consequence >= 1
				&& consequence <= consequenceLevels();
	}

}
