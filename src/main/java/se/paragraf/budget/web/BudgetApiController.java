package se.paragraf.budget.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import se.paragraf.budget.ActivityLine;
import se.paragraf.budget.Assumption;
import se.paragraf.budget.BudgetChecks;
import se.paragraf.budget.BudgetContent;
import se.paragraf.budget.BudgetContentRejected;
import se.paragraf.budget.BudgetManagement;
import se.paragraf.budget.BudgetManagement.VersionSummary;
import se.paragraf.budget.BudgetManagement.VersionView;
import se.paragraf.budget.CostTypeLine;
import se.paragraf.budget.Finding;
import se.paragraf.budget.Investment;
import se.paragraf.budget.StaffYear;
import se.paragraf.shared.web.ApiController;

/**
 * The budget in the JSON API: a board's versions for a year, one version's data with every amount in
 * öre as an integer, and writes with the same checks as the pages (problem+json; 409 on a stale or
 * frozen version).
 */
@ApiController("/api/v1/boards/{code}/budgets/{year}")
@PreAuthorize("hasAnyRole('ADMIN', 'ECONOMIST', 'SECRETARY', 'CASE_OFFICER')")
class BudgetApiController {

	private static final String WRITERS = "hasAnyRole('ADMIN', 'ECONOMIST')";

	private final BudgetManagement budgets;

	private final MessageSource messages;

	private final Clock clock;

	BudgetApiController(BudgetManagement budgets, MessageSource messages, Clock clock) {
		this.clock = clock;
		this.budgets = budgets;
		this.messages = messages;
	}

	record Versions(String board, int year, List<VersionSummary> versions) {
	}

	/** A version's data; all amounts are öre. Net, totals and deviation are computed, never stored. */
	record VersionData(String board, int year, int number, String label, String status, @Nullable String decidedBy,
			@Nullable LocalDate decidedOn, long lockVersion, String unit, List<Activity> activities,
			List<CostTypeLine> costTypes, List<StaffYear> staff, List<AssumptionData> assumptions,
			List<Investment> investments, @Nullable Long frame, @Nullable Long adjustedFrame, @Nullable Long deviation,
			Totals totals, @Nullable String councilDecision, List<Finding> warnings) {
	}

	record Activity(String code, String name, @Nullable Long priorNet, long externalRevenue, long internalRevenue,
			long cost, long net, @Nullable Long plan1Net, @Nullable Long plan2Net) {
	}

	record AssumptionData(int year, @Nullable BigDecimal salaryIndexation, BigDecimal payrollOnCost,
			@Nullable Long personnelCostEffect) {
	}

	record Totals(long externalRevenue, long internalRevenue, long cost, long net, long investments) {
	}

	/** A version to create or replace; lists left out are empty. */
	record VersionRequest(@NotBlank @Size(max = 200) String label, @Nullable Long lockVersion, @Nullable Integer basedOn,
			@Nullable List<ActivityLine> activities, @Nullable List<CostTypeLine> costTypes,
			@Nullable List<StaffYear> staff, @Nullable List<Assumption> assumptions,
			@Nullable List<Investment> investments, @Nullable Long frame, @Nullable Long adjustedFrame,
			@Nullable @Size(max = 500) String councilDecision) {

		BudgetContent content() {
			return new BudgetContent(
					list(this.activities).stream()
						.map(a -> new ActivityLine(Objects.requireNonNullElse(a.code(), ""),
								Objects.requireNonNullElse(a.name(), ""), a.priorNet(), a.externalRevenue(),
								a.internalRevenue(), a.cost(), a.plan1Net(), a.plan2Net()))
						.toList(),
					list(this.costTypes).stream().filter(c -> c.costType() != null).toList(), list(this.staff),
					list(this.assumptions).stream().filter(a -> a.payrollOnCost() != null).toList(),
					list(this.investments).stream()
						.map(i -> new Investment(Objects.requireNonNullElse(i.projectCode(), ""),
								Objects.requireNonNullElse(i.name(), ""), i.amount()))
						.toList(),
					this.frame, this.adjustedFrame, this.councilDecision);
		}

		private static <T> List<T> list(@Nullable List<T> list) {
			return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
		}

	}

	record StatusRequest(@NotNull Long lockVersion, @Nullable @Size(max = 500) String decidedBy, @Nullable LocalDate decidedOn) {
	}

	@GetMapping
	Versions versions(@PathVariable("code") String board, @PathVariable int year) {
		return new Versions(board.toUpperCase(Locale.ROOT), year, this.budgets.versions(board, year));
	}

	@GetMapping("/versions/{number}")
	VersionData version(@PathVariable("code") String board, @PathVariable int year, @PathVariable int number) {
		return data(this.budgets.version(board, year, number));
	}

	@PostMapping("/versions")
	@PreAuthorize(WRITERS)
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<VersionData> createVersion(@PathVariable("code") String board, @PathVariable int year,
			@Valid @RequestBody VersionRequest request) {
		VersionView created = this.budgets.createVersion(board, year, request.label(), request.basedOn(),
				request.content());
		return ResponseEntity
			.created(URI.create("/api/v1/boards/" + created.board().getCode() + "/budgets/" + year + "/versions/"
					+ created.number()))
			.body(data(created));
	}

	@PutMapping("/versions/{number}")
	@PreAuthorize(WRITERS)
	VersionData updateVersion(@PathVariable("code") String board, @PathVariable int year, @PathVariable int number,
			@Valid @RequestBody VersionRequest request) {
		return data(this.budgets.updateVersion(board, year, number,
				request.lockVersion() == null ? -1 : request.lockVersion(), request.label(), request.content()));
	}

	@PostMapping("/versions/{number}/proposal")
	@PreAuthorize(WRITERS)
	VersionData proposeVersion(@PathVariable("code") String board, @PathVariable int year, @PathVariable int number,
			@Valid @RequestBody StatusRequest request) {
		return data(this.budgets.propose(board, year, number, request.lockVersion()));
	}

	@PostMapping("/versions/{number}/decision")
	@PreAuthorize(WRITERS)
	VersionData decideVersion(@PathVariable("code") String board, @PathVariable int year, @PathVariable int number,
			@Valid @RequestBody StatusRequest request) {
		return data(this.budgets.decide(board, year, number, request.lockVersion(),
				Objects.requireNonNullElse(request.decidedBy(), ""),
				request.decidedOn() == null ? LocalDate.now(this.clock) : request.decidedOn()));
	}

	/** Broken checks: 400 with every failed check as {field, message}. */
	@ExceptionHandler(BudgetContentRejected.class)
	ResponseEntity<ProblemDetail> rejected(BudgetContentRejected rejected, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				this.messages.getMessage("budget.api.invalid", null, locale));
		problem.setProperty("errors", rejected.findings()
			.stream()
			.filter(Finding::isError)
			.map(f -> new FieldProblem(f.sheet() + (f.row() == null ? "" : "[" + (f.row() - 1) + "]")
					+ (f.column() == null ? "" : "." + f.column()),
					this.messages.getMessage(f.key(), f.arguments().toArray(), f.key(), locale)))
			.toList());
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	record FieldProblem(String field, String message) {
	}

	private static VersionData data(VersionView view) {
		BudgetContent content = view.content();
		return new VersionData(view.board().getCode(), view.year(), view.number(), view.label(), view.status().name(),
				view.decidedBy(), view.decidedOn(), view.lockVersion(), "öre",
				content.activities()
					.stream()
					.map(a -> new Activity(a.code(), a.name(), a.priorNet(), a.externalRevenue(), a.internalRevenue(),
							a.cost(), a.net(), a.plan1Net(), a.plan2Net()))
					.toList(),
				content.costTypes(), content.staff(),
				content.assumptions()
					.stream()
					.map(a -> new AssumptionData(a.year(), a.salaryIndexation(), a.payrollOnCost(),
							content.salaryIndexationEffect(a.year()).orElse(null)))
					.toList(),
				content.investments(), content.frame(), content.adjustedFrame(), content.deviation(),
				new Totals(content.externalRevenue(), content.internalRevenue(), content.cost(), content.net(),
						content.investmentTotal()),
				content.councilDecision(),
				BudgetChecks.check(content).stream().filter(f -> !f.isError()).toList());
	}

}
