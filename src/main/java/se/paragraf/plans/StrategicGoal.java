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
 * A strategic goal (inriktningsmål) that spans several years, 2022–2025, with its description.
 */
@Entity
@Table(name = "strategic_goal")
public class StrategicGoal {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "plan_id", nullable = false)
	private Long planId;

	@Column(nullable = false)
	private int position;

	@Column(nullable = false)
	private String title;

	@Column(nullable = false)
	private String description;

	@Column(name = "first_year", nullable = false)
	private int firstYear;

	@Column(name = "last_year", nullable = false)
	private int lastYear;

	@Version
	private long version;

	protected StrategicGoal() {
		this.planId = 0L;
		this.title = "";
		this.description = "";
	}

	StrategicGoal(Long planId, int position, String title, String description, int firstYear, int lastYear) {
		this.planId = planId;
		this.position = position;
		this.title = title;
		this.description = description;
		this.firstYear = firstYear;
		this.lastYear = lastYear;
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

	public String getTitle() {
		return this.title;
	}

	public String getDescription() {
		return this.description;
	}

	public int getFirstYear() {
		return this.firstYear;
	}

	public int getLastYear() {
		return this.lastYear;
	}

	public long getVersion() {
		return this.version;
	}

	void revise(String title, String description, int firstYear, int lastYear) {
		this.title = title;
		this.description = description;
		this.firstYear = firstYear;
		this.lastYear = lastYear;
	}

}
