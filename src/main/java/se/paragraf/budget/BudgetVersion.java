package se.paragraf.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.OptimisticLock;
import org.jspecify.annotations.Nullable;

import se.paragraf.shared.RuleViolation;

/**
 * One numbered version of a board's budget for a year. Editable while a draft or proposal; once
 * decided (linked to the minute section or meeting item that decided it) it is frozen. Its lines do
 * not take part in optimistic locking by themselves (Hibernate would bump the version once more after
 * inserting them); {@link BudgetManagement} forces the increment when it replaces them.
 */
@Entity
@Table(name = "budget_version")
public class BudgetVersion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false)
	private int number;

	@Column(nullable = false)
	private String label;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private VersionStatus status;

	@Column(name = "based_on")
	private @Nullable Integer basedOn;

	/** The minute section or meeting item that decided it, e.g. "GSN 2023-06-13 § 27". */
	@Column(name = "decided_by")
	private @Nullable String decidedBy;

	@Column(name = "decided_on")
	private @Nullable LocalDate decidedOn;

	/** The council decision the investment budget rests on. */
	@Column(name = "council_decision")
	private @Nullable String councilDecision;

	@Column(name = "frame_ore")
	private @Nullable Long frame;

	@Column(name = "adjusted_frame_ore")
	private @Nullable Long adjustedFrame;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false)
	private String createdBy;

	@ElementCollection
	@OptimisticLock(excluded = true)
	@CollectionTable(name = "budget_activity", joinColumns = @JoinColumn(name = "budget_version_id"))
	@OrderColumn(name = "line_index")
	private List<ActivityLine> activities = new ArrayList<>();

	@ElementCollection
	@OptimisticLock(excluded = true)
	@CollectionTable(name = "budget_cost_type", joinColumns = @JoinColumn(name = "budget_version_id"))
	@OrderColumn(name = "line_index")
	private List<CostTypeLine> costTypes = new ArrayList<>();

	@ElementCollection
	@OptimisticLock(excluded = true)
	@CollectionTable(name = "budget_staff", joinColumns = @JoinColumn(name = "budget_version_id"))
	@OrderColumn(name = "line_index")
	private List<StaffYear> staff = new ArrayList<>();

	@ElementCollection
	@OptimisticLock(excluded = true)
	@CollectionTable(name = "budget_assumption", joinColumns = @JoinColumn(name = "budget_version_id"))
	@OrderColumn(name = "line_index")
	private List<Assumption> assumptions = new ArrayList<>();

	@ElementCollection
	@OptimisticLock(excluded = true)
	@CollectionTable(name = "budget_investment", joinColumns = @JoinColumn(name = "budget_version_id"))
	@OrderColumn(name = "line_index")
	private List<Investment> investments = new ArrayList<>();

	@Version
	private long version;

	protected BudgetVersion() {
		this.label = "";
		this.status = VersionStatus.DRAFT;
		this.createdAt = Instant.EPOCH;
		this.createdBy = "";
	}

	BudgetVersion(int number, String label, @Nullable Integer basedOn, BudgetContent content, Instant createdAt,
			String createdBy) {
		this.number = number;
		this.label = label;
		this.status = VersionStatus.DRAFT;
		this.basedOn = basedOn;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		write(content);
	}

	void replaceContent(String label, BudgetContent content) {
		refuseIfFrozen();
		this.label = label;
		write(content);
	}

	void propose() {
		refuseIfFrozen();
		this.status = VersionStatus.PROPOSED;
	}

	/** A first decision makes the version DECIDED; a decision after an earlier one ADJUSTED. */
	void decide(String decidedBy, LocalDate decidedOn, boolean adjustsEarlierDecision) {
		refuseIfFrozen();
		this.status = adjustsEarlierDecision ? VersionStatus.ADJUSTED : VersionStatus.DECIDED;
		this.decidedBy = decidedBy;
		this.decidedOn = decidedOn;
	}

	private void refuseIfFrozen() {
		if (this.status.isFrozen()) {
			throw new RuleViolation("budget.version.frozen", this.number);
		}
	}

	private void write(BudgetContent content) {
		this.activities = new ArrayList<>(content.activities());
		this.costTypes = new ArrayList<>(content.costTypes());
		this.staff = new ArrayList<>(content.staff());
		this.assumptions = new ArrayList<>(content.assumptions());
		this.investments = new ArrayList<>(content.investments());
		this.frame = content.frame();
		this.adjustedFrame = content.adjustedFrame();
		this.councilDecision = content.councilDecision();
	}

	public BudgetContent content() {
		return new BudgetContent(this.activities, this.costTypes, this.staff, this.assumptions, this.investments,
				this.frame, this.adjustedFrame, this.councilDecision);
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public int getNumber() {
		return this.number;
	}

	public String getLabel() {
		return this.label;
	}

	public VersionStatus getStatus() {
		return this.status;
	}

	public @Nullable Integer getBasedOn() {
		return this.basedOn;
	}

	public @Nullable String getDecidedBy() {
		return this.decidedBy;
	}

	public @Nullable LocalDate getDecidedOn() {
		return this.decidedOn;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public long getVersion() {
		return this.version;
	}

}
