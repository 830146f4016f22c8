package se.paragraf.budget;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import se.paragraf.shared.NotFoundException;

/**
 * A board's budget for one year: the numbered versions it went through, from the first draft to the
 * decided budget and its adjustments.
 */
@Entity
public class Budget {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "board_id", nullable = false)
	private Long boardId;

	@Column(name = "budget_year", nullable = false)
	private int year;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "budget_id", nullable = false)
	@OrderBy("number")
	private List<BudgetVersion> versions = new ArrayList<>();

	@Version
	private long version;

	protected Budget() {
		this.boardId = 0L;
	}

	Budget(Long boardId, int year) {
		this.boardId = boardId;
		this.year = year;
	}

	BudgetVersion addVersion(String label, @Nullable Integer basedOn, BudgetContent content, Instant at, String by) {
		int next = this.versions.stream().mapToInt(BudgetVersion::getNumber).max().orElse(0) + 1;
		BudgetVersion created = new BudgetVersion(next, label, basedOn, content, at, by);
		this.versions.add(created);
		return created;
	}

	boolean hasDecision() {
		return this.versions.stream().anyMatch(v -> v.getStatus().isFrozen());
	}

	public BudgetVersion version(int number) {
		return this.versions.stream()
			.filter(v -> v.getNumber() == number)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("BudgetVersion", number));
	}

	public Optional<BudgetVersion> findVersion(int number) {
		return this.versions.stream().filter(v -> v.getNumber() == number).findFirst();
	}

	/** The version documents show unless they pin one: the newest decided, else the newest. */
	public Optional<BudgetVersion> current() {
		return this.versions.stream()
			.filter(v -> v.getStatus().isFrozen())
			.max(Comparator.comparingInt(BudgetVersion::getNumber))
			.or(() -> this.versions.stream().max(Comparator.comparingInt(BudgetVersion::getNumber)));
	}

	/** The version a change is compared with: the newest decided version before {@code number}, else the one before. */
	public Optional<BudgetVersion> comparisonFor(int number) {
		return this.versions.stream()
			.filter(v -> v.getNumber() < number && v.getStatus().isFrozen())
			.max(Comparator.comparingInt(BudgetVersion::getNumber))
			.or(() -> this.versions.stream()
				.filter(v -> v.getNumber() < number)
				.max(Comparator.comparingInt(BudgetVersion::getNumber)));
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public Long getBoardId() {
		return this.boardId;
	}

	public int getYear() {
		return this.year;
	}

	public List<BudgetVersion> getVersions() {
		return List.copyOf(this.versions);
	}

	public long getVersion() {
		return this.version;
	}

}
