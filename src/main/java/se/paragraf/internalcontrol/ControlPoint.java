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
 * A control point (kontrollpunkt) of a plan: the question checked, the risk it addresses, how and
 * how often it is checked, who is responsible and to whom they report.
 */
@Entity
@Table(name = "control_point")
public class ControlPoint {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "plan_id", nullable = false)
	private Long planId;

	@Column(nullable = false)
	private int position;

	@Column(nullable = false)
	private String question;

	@Column(name = "risk_id")
	private @Nullable Long riskId;

	@Column(nullable = false)
	private String method;

	@Column(nullable = false)
	private String frequency;

	@Column(name = "responsible_person_id")
	private @Nullable Long responsiblePersonId;

	@Column(nullable = false)
	private String responsible;

	@Column(name = "reports_to", nullable = false)
	private String reportsTo;

	@Version
	private long version;

	protected ControlPoint() {
		this.planId = 0L;
		this.question = "";
		this.method = "";
		this.frequency = "";
		this.responsible = "";
		this.reportsTo = "";
	}

	ControlPoint(Long planId, int position, ControlPointDefinition definition) {
		this.planId = planId;
		this.position = position;
		this.question = definition.question();
		this.riskId = definition.riskId();
		this.method = definition.method();
		this.frequency = definition.frequency();
		this.responsiblePersonId = definition.responsiblePersonId();
		this.responsible = definition.responsible();
		this.reportsTo = definition.reportsTo();
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

	public String getQuestion() {
		return this.question;
	}

	public @Nullable Long getRiskId() {
		return this.riskId;
	}

	public String getMethod() {
		return this.method;
	}

	public String getFrequency() {
		return this.frequency;
	}

	public @Nullable Long getResponsiblePersonId() {
		return this.responsiblePersonId;
	}

	public String getResponsible() {
		return this.responsible;
	}

	public String getReportsTo() {
		return this.reportsTo;
	}

	public long getVersion() {
		return this.version;
	}

}
