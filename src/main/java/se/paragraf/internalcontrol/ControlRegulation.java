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
 * A municipality's regulation for internal control (reglemente, "KF 2016-08-29 § 137"): who does
 * what, and that plans are preceded by a risk analysis.
 */
@Entity
@Table(name = "control_regulation")
public class ControlRegulation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "municipality_id", nullable = false)
	private Long municipalityId;

	@Column(nullable = false)
	private String reference;

	@Column(nullable = false)
	private String body;

	@Version
	private long version;

	protected ControlRegulation() {
		this.municipalityId = 0L;
		this.reference = "";
		this.body = "";
	}

	ControlRegulation(Long municipalityId, String reference, String body) {
		this.municipalityId = municipalityId;
		this.reference = reference;
		this.body = body;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getMunicipalityId() {
		return this.municipalityId;
	}

	public String getReference() {
		return this.reference;
	}

	public String getBody() {
		return this.body;
	}

	public long getVersion() {
		return this.version;
	}

	void revise(String reference, String body) {
		this.reference = reference;
		this.body = body;
	}

}
