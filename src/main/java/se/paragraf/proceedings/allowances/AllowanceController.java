package se.paragraf.proceedings.allowances;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.shared.RuleViolation;

/**
 * The allowances page: a board's rules (set by secretaries and admins), the month's list from the
 * recorded attendance, what the next payroll run would hold, and the closed runs with their CSV
 * and .xlsx files. Economists read and export; payroll gets closed runs only.
 */
@Controller
class AllowanceController {

	static final String READERS = "hasAnyRole('ADMIN', 'SECRETARY', 'ECONOMIST')";

	static final String KEEPERS = "hasAnyRole('ADMIN', 'SECRETARY')";

	private final Allowances allowances;

	private final Organisation organisation;

	private final MessageSource messages;

	private final Clock clock;

	AllowanceController(Allowances allowances, Organisation organisation, MessageSource messages, Clock clock) {
		this.allowances = allowances;
		this.organisation = organisation;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/allowances")
	@PreAuthorize(READERS)
	String showAllowances(@RequestParam(required = false) @Nullable String board,
			@RequestParam(required = false) @Nullable String month, Model model) {
		List<Board> boards = this.organisation.boards();
		model.addAttribute("boards", boards);
		if (boards.isEmpty()) {
			return "allowances/index";
		}
		Board selected = board == null || board.isBlank() ? boards.get(0) : this.organisation.board(board);
		YearMonth shown = month == null || month.isBlank() ? YearMonth.now(this.clock).minusMonths(1)
				: Allowances.month(month);
		if (!model.containsAttribute("rulesForm")) {
			model.addAttribute("rulesForm", RulesInput.of(this.allowances.rules(selected.getCode())));
		}
		return page(selected, shown, model);
	}

	@PostMapping("/allowances/boards/{code}/rules")
	@PreAuthorize(KEEPERS)
	String setRules(@PathVariable String code, @RequestParam(required = false) @Nullable String month,
			@Valid @ModelAttribute("rulesForm") RulesInput form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Board board = this.organisation.board(code);
		YearMonth shown = month == null || month.isBlank() ? YearMonth.now(this.clock).minusMonths(1)
				: Allowances.month(month);
		if (result.hasErrors()) {
			model.addAttribute("boards", this.organisation.boards());
			return page(board, shown, model);
		}
		this.allowances.setRules(code, form);
		redirect.addFlashAttribute("message", text("allowances.rules.saved"));
		return "redirect:/allowances?board=" + board.getCode() + "&month=" + shown;
	}

	@PostMapping("/allowances/boards/{code}/months/{month}/runs")
	@PreAuthorize(KEEPERS)
	String closeRun(@PathVariable String code, @PathVariable String month, RedirectAttributes redirect) {
		Board board = this.organisation.board(code);
		YearMonth shown = Allowances.month(month);
		try {
			PayrollRun run = this.allowances.close(code, shown);
			redirect.addFlashAttribute("message", text("allowances.run.closed", run.getRunNumber()));
		}
		catch (RuleViolation refused) {
			redirect.addFlashAttribute("error", text(refused.code()));
		}
		return "redirect:/allowances?board=" + board.getCode() + "&month=" + shown;
	}

	@GetMapping("/allowances/runs/{runId}.csv")
	@PreAuthorize(READERS)
	ResponseEntity<byte[]> downloadCsv(@PathVariable Long runId) {
		PayrollRun run = this.allowances.run(runId);
		return file(this.allowances.csv(run), name(run) + ".csv", new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
	}

	@GetMapping("/allowances/runs/{runId}.xlsx")
	@PreAuthorize(READERS)
	ResponseEntity<byte[]> downloadXlsx(@PathVariable Long runId) {
		PayrollRun run = this.allowances.run(runId);
		return file(this.allowances.xlsx(run), name(run) + ".xlsx",
				MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	}

	private String page(Board board, YearMonth month, Model model) {
		model.addAttribute("board", board);
		model.addAttribute("month", month);
		model.addAttribute("lines", this.allowances.lines(board.getCode(), month));
		model.addAttribute("pending", this.allowances.pending(board.getCode(), month));
		model.addAttribute("runs", this.allowances.runs(board.getCode(), month));
		return "allowances/index";
	}

	private String name(PayrollRun run) {
		return "arvoden-" + this.organisation.board(run.getBoardId()).getCode().toLowerCase() + "-" + run.getMonth()
				+ "-korning-" + run.getRunNumber();
	}

	private static ResponseEntity<byte[]> file(byte[] content, String filename, MediaType type) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(type)
			.header("Content-Disposition", ContentDisposition.attachment().filename(filename).build().toString())
			.body(content);
	}

	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}
