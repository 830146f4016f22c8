package se.paragraf.plans;

import java.time.LocalDate;
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
 * A board's operations plan (verksamhetsplan) for one year, "Verksamhetsplan 2024 – IT-center".
 */
@Entity
@Table(name = "operations_plan")
public class OperationsPlan {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "board_id", nullable = false)
	private Long boardId;

	@Column(name = "plan_year", nullable = false)
	private int year;

	@Column(nullable = false)
	private String title;

	/** The opening line: "Verksamhetsplanen utgår från Riktlinjerna för …". */
	@Column(nullable = false)
	private String introduction;

	/** The day the board decided the plan; Kolada revisions after it are flagged. */
	@Column(name = "decided_on")
	private @Nullable LocalDate decidedOn;

	@Version
	private long version;

	protected OperationsPlan() {
		this.boardId = 0L;
		this.title = "";
		this.introduction = "";
	}

	OperationsPlan(Long boardId, int year, String title, String introduction) {
		this.boardId = boardId;
		this.year = year;
		this.title = title;
		this.introduction = introduction;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getBoardId() {
		return this.boardId;
	}

	public int getYear() {
		return this.year;
	}

	public String getTitle() {
		return this.title;
	}

	public String getIntroduction() {
		return this.introduction;
	}

	public @Nullable LocalDate getDecidedOn() {
		return this.decidedOn;
	}

	public long getVersion() {
		return this.version;
	}

	void revise(String title, String introduction) {
		this.title = title;
		this.introduction = introduction;
	}

	void decide(LocalDate on) {
		this.decidedOn = on;
	}

}
