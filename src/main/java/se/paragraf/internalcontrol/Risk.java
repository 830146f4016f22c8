package se.paragraf.internalcontrol;

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
 * A risk found in an analysis: category, what could go wrong, its likelihood and consequence on the
 * analysis's matrix, and why they were scored so.
 */
@Entity
@Table(name = "risk")
public class Risk {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "analysis_id", nullable = false)
	private Long analysisId;

	@Column(nullable = false)
	private String category;

	@Column(nullable = false)
	private String description;

	@Column(nullable = false)
	private int likelihood;

	@Column(nullable = false)
	private int consequence;

	@Column(nullable = false)
	private String rationale;

	@Version
	private long version;

	protected Risk() {
		this.analysisId = 0L;
		this.category = "";
		this.description = "";
		this.rationale = "";
	}

	Risk(Long analysisId, String category, String description, int likelihood, int consequence, String rationale) {
		this.analysisId = analysisId;
		this.category = category;
		this.description = description;
		this.likelihood = likelihood;
		this.consequence = consequence;
		this.rationale = rationale;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getAnalysisId() {
		return this.analysisId;
	}

	public String getCategory() {
		return this.category;
	}

	public String getDescription() {
		return this.description;
	}

	public int getLikelihood() {
		return this.likelihood;
	}

	public int getConsequence() {
		return this.consequence;
	}

	/** Likelihood × consequence. */
	public int getScore() {
		return this.likelihood * this.consequence;
	}

	public String getRationale() {
		return this.rationale;
	}

	public long getVersion() {
		return this.version;
	}

	void rescore(int likelihood, int consequence) {
		this.likelihood = likelihood;
		this.consequence = consequence;
	}

}
