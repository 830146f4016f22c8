package se.paragraf.proceedings.allowances;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import se.paragraf.shared.web.ApiController;

/**
 * Allowances in the JSON API: a board's rules, the month's lines and pending corrections, and the
 * payroll runs. Reading for admins, secretaries and economists; rules and closing for admins and
 * secretaries.
 */
@ApiController("/api/v1")
class AllowanceApiController {

	private final Allowances allowances;

	AllowanceApiController(Allowances allowances) {
		this.allowances = allowances;
	}

	@GetMapping("/boards/{code}/allowance-rules")
	@PreAuthorize(AllowanceController.READERS)
	RulesJson rules(@PathVariable String code) {
		return RulesJson.of(this.allowances.rules(code));
	}

	@PutMapping("/boards/{code}/allowance-rules")
	@PreAuthorize(AllowanceController.KEEPERS)
	RulesJson setRules(@PathVariable String code, @Valid @RequestBody RulesInput input) {
		return RulesJson.of(this.allowances.setRules(code, input));
	}

	@GetMapping("/boards/{code}/allowances/{month}")
	@PreAuthorize(AllowanceController.READERS)
	MonthJson month(@PathVariable String code, @PathVariable String month) {
		java.time.YearMonth m = Allowances.month(month);
		return new MonthJson(code, m.toString(), this.allowances.lines(code, m),
				this.allowances.pending(code, m).stream().map(LineJson::of).toList(),
				this.allowances.runs(code, m).stream().map(RunJson::of).toList());
	}

	@PostMapping("/boards/{code}/allowances/{month}/payroll-runs")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(AllowanceController.KEEPERS)
	ResponseEntity<RunJson> closeRun(@PathVariable String code, @PathVariable String month) {
		PayrollRun run = this.allowances.close(code, Allowances.month(month));
		return ResponseEntity.created(URI.create("/api/v1/payroll-runs/" + run.getId())).body(RunJson.of(run));
	}

	@GetMapping("/payroll-runs/{id}")
	@PreAuthorize(AllowanceController.READERS)
	RunJson run(@PathVariable Long id) {
		return RunJson.of(this.allowances.run(id));
	}

	record RulesJson(int minimumMinutes, int fullDayMinutes, boolean substitutesNotServingCount) {

		static RulesJson of(AllowanceRules rules) {
			return new RulesJson(rules.getMinimumMinutes(), rules.getFullDayMinutes(), rules.isSubstitutesNotServingCount());
		}

	}

	record MonthJson(String board, String month, List<AllowanceLine> lines, List<LineJson> pending, List<RunJson> runs) {
	}

	record LineJson(Long personId, String personName, Long meetingId, LocalDate meetingDate, boolean remote,
			boolean serving, int minutes, Rate rate, int quantity) {

		static LineJson of(PayrollLine line) {
			return new LineJson(line.getPersonId(), line.getPersonName(), line.getMeetingId(), line.getMeetingDate(),
					line.isRemote(), line.isServing(), line.getMinutes(), line.getRate(), line.getQuantity());
		}

	}

	record RunJson(Long id, String month, int runNumber, Instant closedAt, String closedBy, List<LineJson> lines,
			String csv, String xlsx) {

		static RunJson of(PayrollRun run) {
			return new RunJson(run.getId(), run.getMonth(), run.getRunNumber(), run.getClosedAt(), run.getClosedBy(),
					run.getLines().stream().map(LineJson::of).toList(), "/allowances/runs/" + run.getId() + ".csv",
					"/allowances/runs/" + run.getId() + ".xlsx");
		}

	}

}
