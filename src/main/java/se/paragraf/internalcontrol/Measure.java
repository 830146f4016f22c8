package se.paragraf.internalcontrol;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * An improvement measure of a follow-up, with who owns it and by when.
 */
@Embeddable
public class Measure {

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private MeasureKind kind;

	@Column(nullable = false)
	private String description;

	@Column(nullable = false)
	private String owner;

	@Column(name = "due_date", nullable = false)
	private LocalDate dueDate;

	protected Measure() {
		this.kind = MeasureKind.PROPOSED;
		this.description = "";
		this.owner = "";
		this.dueDate = LocalDate.EPOCH;
	}

	public Measure(MeasureKind kind, String description, String owner, LocalDate dueDate) {
		this.kind = kind;
		this.description = description;
		this.owner = owner;
		this.dueDate = dueDate;
	}

	public MeasureKind getKind() {
		return this.kind;
	}

	public String getDescription() {
		return this.description;
	}

	public String getOwner() {
		return this.owner;
	}

	public LocalDate getDueDate() {
		return this.dueDate;
	}

}
