package se.paragraf.budget;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.shared.InputLimits;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;

/**
 * Budgets of the boards: versions created, edited while drafts, proposed, decided and then frozen;
 * every write runs the same checks ({@link BudgetChecks}) as the pages, the API and the import.
 */
@Service
@Transactional(readOnly = true)
public class BudgetManagement {

	private final Budgets budgets;

	private final Organisation organisation;

	private final Clock clock;

	private final jakarta.persistence.EntityManager entityManager;

	BudgetManagement(Budgets budgets, Organisation organisation, Clock clock,
			jakarta.persistence.EntityManager entityManager) {
		this.entityManager = entityManager;
		this.budgets = budgets;
		this.organisation = organisation;
		this.clock = clock;
	}

	/** A version's data together with what a reader needs to label it. */
	public record VersionView(Board board, int year, int number, String label, VersionStatus status,
			@Nullable String decidedBy, @Nullable LocalDate decidedOn, long lockVersion, BudgetContent content) {
	}

	/** A version's place among the budget's versions, without its data. */
	public record VersionSummary(int number, String label, VersionStatus status, @Nullable Integer basedOn,
			@Nullable String decidedBy, @Nullable LocalDate decidedOn, long lockVersion) {
	}

	public List<Budget> budgetsOf(String boardCode) {
		return this.budgets.findByBoardIdOrderByYearDesc(this.organisation.board(boardCode).getId());
	}

	public List<VersionSummary> versions(String boardCode, int year) {
		return budget(boardCode, year).getVersions().stream().map(BudgetManagement::summary).toList();
	}

	public VersionView version(String boardCode, int year, int number) {
		Board board = this.organisation.board(boardCode);
		return view(board, year, budget(board, year).version(number));
	}

	/** The version a document shows: the one pinned, else the newest decided, else the newest. */
	public Optional<VersionView> shown(String boardCode, int year, @Nullable Integer number) {
		Optional<Board> board = this.organisation.findBoard(boardCode);
		if (board.isEmpty()) {
			return Optional.empty();
		}
		return this.budgets.findByBoardIdAndYear(board.get().getId(), year)
			.flatMap(budget -> number == null ? budget.current() : budget.findVersion(number))
			.map(version -> view(board.get(), year, version));
	}

	/** The newest version of any status: the base of an import. */
	public Optional<VersionView> latest(String boardCode, int year) {
		Board board = this.organisation.board(boardCode);
		return this.budgets.findByBoardIdAndYear(board.getId(), year)
			.flatMap(budget -> budget.getVersions().stream().max(java.util.Comparator.comparingInt(BudgetVersion::getNumber)))
			.map(version -> view(board, year, version));
	}

	/** Every board with the years it has budgets for, newest first. */
	public List<BoardBudgets> overview() {
		return this.organisation.boards()
			.stream()
			.map(board -> new BoardBudgets(board, this.budgets.findByBoardIdOrderByYearDesc(board.getId())
				.stream()
				.map(budget -> new YearSummary(budget.getYear(), budget.getVersions().size(),
						budget.current().map(BudgetManagement::summary).orElse(null)))
				.toList()))
			.toList();
	}

	public record BoardBudgets(Board board, List<YearSummary> years) {
	}

	public record YearSummary(int year, int versions, @Nullable VersionSummary current) {
	}

	/** The version a given one is compared with: the newest decided before it, else the one before. */
	public Optional<VersionView> comparison(String boardCode, int year, int number) {
		Board board = this.organisation.board(boardCode);
		return this.budgets.findByBoardIdAndYear(board.getId(), year)
			.flatMap(budget -> budget.comparisonFor(number))
			.map(version -> view(board, year, version));
	}

	@Transactional
	public VersionView createVersion(String boardCode, int year, String label, @Nullable Integer basedOn,
			BudgetContent content) {
		refuseErrors(content);
		Board board = this.organisation.board(boardCode);
		Budget budget = this.budgets.findByBoardIdAndYear(board.getId(), year)
			.orElseGet(() -> this.budgets.save(new Budget(board.getId(), year)));
		if (basedOn != null) {
			budget.version(basedOn);
		}
		BudgetVersion created = budget.addVersion(requireLabel(label), basedOn, content, this.clock.instant(),
				currentUser());
		this.budgets.saveAndFlush(budget);
		return view(board, year, created);
	}

	/** A new draft that starts as a copy of an existing version, the way a decided budget is changed. */
	@Transactional
	public VersionView copyVersion(String boardCode, int year, int from, String label) {
		BudgetContent content = budget(boardCode, year).version(from).content();
		return createVersion(boardCode, year, label, from, content);
	}

	@Transactional
	public VersionView updateVersion(String boardCode, int year, int number, long expectedLockVersion, String label,
			BudgetContent content) {
		Board board = this.organisation.board(boardCode);
		BudgetVersion version = budget(board, year).version(number);
		StaleVersionException.check("BudgetVersion", number, version.getVersion(), expectedLockVersion);
		refuseErrors(content);
		version.replaceContent(requireLabel(label), content);
		this.entityManager.lock(version, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
		this.budgets.flush();
		return view(board, year, version);
	}

	@Transactional
	public VersionView propose(String boardCode, int year, int number, long expectedLockVersion) {
		Board board = this.organisation.board(boardCode);
		BudgetVersion version = budget(board, year).version(number);
		StaleVersionException.check("BudgetVersion", number, version.getVersion(), expectedLockVersion);
		version.propose();
		this.budgets.flush();
		return view(board, year, version);
	}

	/** Records the decision (the minute section or meeting item) and freezes the version. */
	@Transactional
	public VersionView decide(String boardCode, int year, int number, long expectedLockVersion, String decidedBy,
			LocalDate decidedOn) {
		if (decidedBy.isBlank()) {
			throw RuleViolation.onField("decidedBy", "budget.decidedBy.required");
		}
		requireFit("decidedBy", decidedBy, 500);
		if (InputLimits.isImplausibleDate(decidedOn)) {
			throw RuleViolation.onField("decidedOn", InputLimits.YEAR_OUT_OF_RANGE, String.valueOf(InputLimits.MIN_YEAR),
					String.valueOf(InputLimits.MAX_YEAR));
		}
		Board board = this.organisation.board(boardCode);
		Budget budget = budget(board, year);
		BudgetVersion version = budget.version(number);
		StaleVersionException.check("BudgetVersion", number, version.getVersion(), expectedLockVersion);
		version.decide(decidedBy.strip(), decidedOn, budget.hasDecision());
		this.budgets.flush();
		return view(board, year, version);
	}

	private static void refuseErrors(BudgetContent content) {
		List<Finding> findings = BudgetChecks.check(content);
		if (BudgetChecks.hasErrors(findings)) {
			throw new BudgetContentRejected(findings);
		}
	}

	private static String requireLabel(String label) {
		if (label.isBlank()) {
			throw RuleViolation.onField("label", "budget.label.required");
		}
		requireFit("label", label, 200);
		return label.strip();
	}

	/** A text the pages pass on as typed fits its column and holds no control characters. */
	private static void requireFit(String field, String text, int max) {
		if (text.strip().length() > max) {
			throw RuleViolation.onField(field, "budget.check.text.tooLong", String.valueOf(max));
		}
		if (InputLimits.hasControlCharacters(text)) {
			throw RuleViolation.onField(field, InputLimits.CONTROL_CHARACTERS);
		}
	}

	private Budget budget(String boardCode, int year) {
		return budget(this.organisation.board(boardCode), year);
	}

	private Budget budget(Board board, int year) {
		return this.budgets.findByBoardIdAndYear(board.getId(), year)
			.orElseThrow(() -> new NotFoundException("Budget", board.getCode() + " " + year));
	}

	private static VersionSummary summary(BudgetVersion version) {
		return new VersionSummary(version.getNumber(), version.getLabel(), version.getStatus(), version.getBasedOn(),
				version.getDecidedBy(), version.getDecidedOn(), version.getVersion());
	}

	private static VersionView view(Board board, int year, BudgetVersion version) {
		return new VersionView(board, year, version.getNumber(), version.getLabel(), version.getStatus(),
				version.getDecidedBy(), version.getDecidedOn(), version.getVersion(), version.content());
	}

	private static String currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? "system" : authentication.getName();
	}

}
