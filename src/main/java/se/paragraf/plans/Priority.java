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
 * One of the year's priorities (prioriteringar), in the order the plan lists them.
 */
@Entity
@Table(name = "plan_priority")
public class Priority {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "plan_id", nullable = false)
	private Long planId;

	@Column(nullable = false)
	private int position;

	@Column(nullable = false)
	private String text;

	@Version
	private long version;

	protected Priority() {
		this.planId = 0L;
		this.text = "";
	}

	Priority(Long planId, int position, String text) {
		this.planId = planId;
		this.position = position;
		this.text = text;
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

	public String getText() {
		return this.text;
	}

	public long getVersion() {
		return this.version;
	}

	void revise(String text) {
		this.text = text;
	}

	void moveTo(int position) {
		this.position = position;
	}

}
