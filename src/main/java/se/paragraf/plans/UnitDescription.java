package se.paragraf.plans;

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
 * What a unit of the administration does and will do this year ("Enhet - Service och support").
 */
@Entity
@Table(name = "unit_description")
public class UnitDescription {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "plan_id", nullable = false)
	private Long planId;

	@Column(nullable = false)
	private int position;

	@Column(name = "unit_name", nullable = false)
	private String unitName;

	@Column(nullable = false)
	private String body;

	@Version
	private long version;

	protected UnitDescription() {
		this.planId = 0L;
		this.unitName = "";
		this.body = "";
	}

	UnitDescription(Long planId, int position, String unitName, String body) {
		this.planId = planId;
		this.position = position;
		this.unitName = unitName;
		this.body = body;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getPlanId() {
		return this.planId;
	}

	public int getPosition() {
		return this.position;
	}

	public String getUnitName() {
		return this.unitName;
	}

	public String getBody() {
		return this.body;
	}

	public long getVersion() {
		return this.version;
	}

	void revise(String unitName, String body) {
		this.unitName = unitName;
		this.body = body;
	}

}
