package se.paragraf.plans;

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
 * A numbered section of a plan: "1. Koppling till medarbetarsamtal, uppdragsbeskrivning och
 * lönekriterier" with its paragraphs.
 */
@Entity
@Table(name = "plan_section")
public class PlanSection {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "plan_id", nullable = false)
	private Long planId;

	@Column(nullable = false)
	private int position;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private SectionKind kind;

	@Column(nullable = false)
	private String heading;

	@Column(nullable = false)
	private String body;

	@Version
	private long version;

	protected PlanSection() {
		this.planId = 0L;
		this.kind = SectionKind.TEXT;
		this.heading = "";
		this.body = "";
	}

	PlanSection(Long planId, int position, SectionKind kind, String heading, String body) {
		this.planId = planId;
		this.position = position;
		this.kind = kind;
		this.heading = heading;
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

	public SectionKind getKind() {
		return this.kind;
	}

	public String getHeading() {
		return this.heading;
	}

	public String getBody() {
		return this.body;
	}

	public long getVersion() {
		return this.version;
	}

	void revise(SectionKind kind, String heading, String body) {
		this.kind = kind;
		this.heading = heading;
		this.body = body;
	}

}
