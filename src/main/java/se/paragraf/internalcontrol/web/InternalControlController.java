package se.paragraf.internalcontrol.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.paragraf.internalcontrol.ControlPlan;
import se.paragraf.internalcontrol.ControlPointDefinition;
import se.paragraf.internalcontrol.FollowUp;
import se.paragraf.internalcontrol.FollowUpContent;
import se.paragraf.internalcontrol.FollowUpDocument;
import se.paragraf.internalcontrol.FollowUpEvidence;
import se.paragraf.internalcontrol.FollowUpReminders;
import se.paragraf.internalcontrol.FollowUpResult;
import se.paragraf.internalcontrol.InternalControlManagement;
import se.paragraf.internalcontrol.MeasureKind;
import se.paragraf.internalcontrol.Origin;
import se.paragraf.internalcontrol.RiskAnalysis;
import se.paragraf.internalcontrol.RiskMatrix;
import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.web.Forms;

/**
 * The internal-control pages: the year's plans and what the boards have not yet followed up, a
 * plan with its points, a risk analysis, a board's follow-up (Bilaga 1 and 2), the follow-up form,
 * the consolidated report for the executive board and the "send reminders now" action.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER', 'ECONOMIST', 'MEMBER', 'SUBSTITUTE')")
class InternalControlController {

	private static final String WRITE = "hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER')";

	private final InternalControlManagement control;

	private final FollowUpDocument document;

	private final FollowUpReminders reminders;

	private final Organisation organisation;

	private final MessageSource messages;

	private final Clock clock;

	InternalControlController(InternalControlManagement control, FollowUpDocument document,
			FollowUpReminders reminders, Organisation organisation, MessageSource messages, Clock clock) {
		this.clock = clock;
		this.control = control;
		this.document = document;
		this.reminders = reminders;
		this.organisation = organisation;
		this.messages = messages;
	}

	// Overview and dashboard

	@GetMapping("/internal-control")
	String overview(@RequestParam(required = false) @Nullable Integer year, Model model) {
		int shown = year == null ? this.reminders.reportingYear() : year;
		model.addAttribute("year", shown);
		model.addAttribute("plans", this.control.plans(shown).stream().map(this::describe).toList());
		model.addAttribute("analyses", this.control.analyses(shown).stream().map(this::describe).toList());
		model.addAttribute("dashboard", this.control.dashboard(shown));
		model.addAttribute("municipalities", this.organisation.municipalities());
		model.addAttribute("boards", this.organisation.boards());
		model.addAttribute("origins", Origin.values());
		if (!model.containsAttribute("planForm")) {
			model.addAttribute("planForm", new PlanForm(Origin.BOARD, null, "", shown, null, "", null));
		}
		if (!model.containsAttribute("matrixForm")) {
			model.addAttribute("matrixForm", new MatrixForm(null, "Osannolik, Mindre sannolik, Möjlig, Sannolik",
					"Lindrig, Kännbar, Allvarlig, Mycket allvarlig"));
		}
		if (!model.containsAttribute("analysisForm")) {
			model.addAttribute("analysisForm", new AnalysisForm(Origin.BOARD, null, "", shown));
		}
		return "internalcontrol/overview";
	}

	@PostMapping("/internal-control/plans")
	@PreAuthorize(WRITE)
	String createPlan(@Valid @ModelAttribute("planForm") PlanForm form, BindingResult result, Model model) {
		return change(result, () -> {
			ControlPlan plan = this.control.createPlan(form.origin(), form.municipalityId(), blank(form.board()),
					form.year(), form.riskAnalysisId(), form.decidedBy(), form.decidedOn());
			return "redirect:/internal-control/plans/" + plan.getId();
		}, () -> overview(form.year(), model));
	}

	@PostMapping("/internal-control/matrices")
	@PreAuthorize(WRITE)
	String defineMatrix(@Valid @ModelAttribute("matrixForm") MatrixForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return change(result, () -> {
			RiskMatrix matrix = this.control.defineMatrix(form.municipalityId(), labels(form.likelihoodLabels()),
					labels(form.consequenceLabels()));
			redirect.addFlashAttribute("message", text("internalcontrol.matrix.defined", matrix.getMatrixVersion()));
			return "redirect:/internal-control";
		}, () -> overview(null, model));
	}

	@PostMapping("/internal-control/analyses")
	@PreAuthorize(WRITE)
	String startAnalysis(@Valid @ModelAttribute("analysisForm") AnalysisForm form, BindingResult result, Model model) {
		return change(result, () -> {
			RiskAnalysis analysis = this.control.startAnalysis(form.origin(), form.municipalityId(),
					blank(form.board()), form.year());
			return "redirect:/internal-control/analyses/" + analysis.getId();
		}, () -> overview(form.year(), model));
	}

	@GetMapping("/internal-control/dashboard")
	String dashboard(@RequestParam(required = false) @Nullable Integer year, Model model) {
		int shown = year == null ? this.reminders.reportingYear() : year;
		model.addAttribute("year", shown);
		model.addAttribute("dashboard", this.control.dashboard(shown));
		model.addAttribute("failedMails", this.reminders.undelivered(shown));
		return "internalcontrol/dashboard";
	}

	@PostMapping("/internal-control/reminders")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	String sendReminders(@RequestParam int year, RedirectAttributes redirect) {
		int sent = this.reminders.send(year);
		redirect.addFlashAttribute("message", text("internalcontrol.reminder.sent", sent));
		return "redirect:/internal-control/dashboard?year=" + year;
	}

	@GetMapping("/internal-control/report")
	String consolidatedReport(@RequestParam Long municipality, @RequestParam int year, Model model) {
		model.addAttribute("municipality", this.organisation.municipality(municipality));
		model.addAttribute("year", year);
		model.addAttribute("boards", this.control.consolidatedReport(municipality, year)
			.stream()
			.map(status -> new BoardTables(status, table(status, Origin.COMMON), table(status, Origin.BOARD)))
			.toList());
		return "internalcontrol/report";
	}

	// Plans and points

	@GetMapping("/internal-control/plans/{id}")
	String showPlan(@PathVariable Long id, Model model) {
		ControlPlan plan = this.control.plan(id);
		model.addAttribute("plan", describe(plan));
		model.addAttribute("points", this.control.points(id));
		model.addAttribute("risks", plan.getRiskAnalysisId() == null ? List.of() : this.control.risks(plan.getRiskAnalysisId()));
		model.addAttribute("boardsFollowing", this.control.boardsFollowing(plan));
		model.addAttribute("persons", this.organisation.persons());
		if (!model.containsAttribute("pointForm")) {
			model.addAttribute("pointForm", new PointForm("", null, "", "En gång per år", null, "", ""));
		}
		return "internalcontrol/plan";
	}

	@PostMapping("/internal-control/plans/{id}/points")
	@PreAuthorize(WRITE)
	String addPoint(@PathVariable Long id, @Valid @ModelAttribute("pointForm") PointForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		return change(result, () -> {
			this.control.addPoint(id, new ControlPointDefinition(form.question(), form.riskId(), form.method(),
					form.frequency(), form.responsiblePersonId(), form.responsible(), form.reportsTo()));
			redirect.addFlashAttribute("message", text("internalcontrol.saved"));
			return "redirect:/internal-control/plans/" + id;
		}, () -> showPlan(id, model));
	}

	// Risk analyses

	@GetMapping("/internal-control/analyses/{id}")
	String showAnalysis(@PathVariable Long id, Model model) {
		RiskAnalysis analysis = this.control.analysis(id);
		RiskMatrix matrix = this.control.matrix(analysis.getMatrixId());
		RiskMatrix current = this.control.currentMatrix(analysis.getMunicipalityId()).orElse(matrix);
		model.addAttribute("analysis", describe(analysis));
		model.addAttribute("matrix", matrix);
		model.addAttribute("newerMatrix", current.getMatrixVersion() > matrix.getMatrixVersion() ? current : null);
		model.addAttribute("risks", this.control.risks(id));
		if (!model.containsAttribute("riskForm")) {
			model.addAttribute("riskForm", new RiskForm("", "", null, null, ""));
		}
		if (!model.containsAttribute("remapForm")) {
			model.addAttribute("remapForm", new RemapForm(current.getId(), "", ""));
		}
		return "internalcontrol/analysis";
	}

	@PostMapping("/internal-control/analyses/{id}/risks")
	@PreAuthorize(WRITE)
	String addRisk(@PathVariable Long id, @Valid @ModelAttribute("riskForm") RiskForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		return change(result, Map.of("description", "riskDescription"), () -> {
			this.control.addRisk(id, form.category(), form.riskDescription(), form.likelihood(), form.consequence(),
					form.rationale());
			redirect.addFlashAttribute("message", text("internalcontrol.saved"));
			return "redirect:/internal-control/analyses/" + id;
		}, () -> showAnalysis(id, model));
	}

	@PostMapping("/internal-control/analyses/{id}/remap")
	@PreAuthorize(WRITE)
	String remap(@PathVariable Long id, @Valid @ModelAttribute("remapForm") RemapForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		return change(result, () -> {
			this.control.remap(id, form.matrixId(), levels("likelihoodMap", form.likelihoodMap()),
					levels("consequenceMap", form.consequenceMap()));
			redirect.addFlashAttribute("message", text("internalcontrol.matrix.remapped"));
			return "redirect:/internal-control/analyses/" + id;
		}, () -> showAnalysis(id, model));
	}

	// A board's follow-up

	@GetMapping("/internal-control/boards/{code}/{year}")
	String showBoardFollowUp(@PathVariable String code, @PathVariable int year, Model model) {
		Board board = this.organisation.board(code);
		InternalControlManagement.BoardStatus status = this.control.status(board, year);
		model.addAttribute("status", status);
		model.addAttribute("commonTable", table(status, Origin.COMMON));
		model.addAttribute("boardTable", table(status, Origin.BOARD));
		return "internalcontrol/board";
	}

	@GetMapping("/internal-control/follow-up")
	String showFollowUpForm(@RequestParam Long point, @RequestParam String board, @RequestParam int year, Model model) {
		Board found = this.organisation.board(board);
		FollowUp current = this.control.currentFollowUp(point, found.getId(), year).orElse(null);
		if (!model.containsAttribute("followUpForm")) {
			model.addAttribute("followUpForm", FollowUpForm.of(point, found.getCode(), year, current, LocalDate.now(this.clock)));
		}
		model.addAttribute("point", this.control.point(point));
		model.addAttribute("board", found);
		model.addAttribute("year", year);
		model.addAttribute("current", current);
		model.addAttribute("history", this.control.history(point, found.getId(), year));
		model.addAttribute("evidence", current == null ? List.of() : this.control.evidence(current.getId()));
		model.addAttribute("results", FollowUpResult.values());
		model.addAttribute("measureKinds", MeasureKind.values());
		return "internalcontrol/followup";
	}

	/** Saves the draft ({@code action=draft}) or saves and submits it ({@code action=submit}). */
	@PostMapping("/internal-control/follow-up")
	@PreAuthorize(WRITE)
	String recordFollowUp(@Valid @ModelAttribute("followUpForm") FollowUpForm form, BindingResult result,
			@RequestParam(defaultValue = "draft") String action, Model model, RedirectAttributes redirect) {
		Board board = this.organisation.board(form.getBoard());
		FollowUpContent content = check(form, result);
		if (content != null && !result.hasErrors()) {
			try {
				FollowUp followUp = this.control.recordFollowUp(form.getPointId(), board.getId(), form.getYear(), content);
				if ("submit".equals(action)) {
					this.control.submit(followUp.getId(), followUp.getVersion());
				}
				redirect.addFlashAttribute("message",
						text("submit".equals(action) ? "internalcontrol.followUp.submitted" : "internalcontrol.saved"));
				return "redirect:/internal-control/follow-up?point=" + form.getPointId() + "&board=" + board.getCode()
						+ "&year=" + form.getYear();
			}
			catch (RuleViolation ex) {
				Forms.reject(result, ex);
			}
		}
		form.pad();
		return showFollowUpForm(form.getPointId(), board.getCode(), form.getYear(), model);
	}

	@PostMapping("/internal-control/follow-ups/{id}/correction")
	@PreAuthorize(WRITE)
	String correctFollowUp(@PathVariable Long id, @Valid @ModelAttribute("followUpForm") FollowUpForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		FollowUp old = this.control.followUp(id);
		Board board = this.organisation.board(old.getBoardId());
		FollowUpContent content = check(form, result);
		if (form.getReason().isBlank()) {
			result.rejectValue("reason", "internalcontrol.required");
		}
		if (content != null && !result.hasErrors()) {
			try {
				this.control.correct(id, content, form.getReason());
				redirect.addFlashAttribute("message", text("internalcontrol.followUp.corrected"));
				return "redirect:/internal-control/follow-up?point=" + old.getControlPointId() + "&board="
						+ board.getCode() + "&year=" + old.getYear();
			}
			catch (RuleViolation ex) {
				Forms.reject(result, ex);
			}
		}
		form.pad();
		return showFollowUpForm(old.getControlPointId(), board.getCode(), old.getYear(), model);
	}

	@PostMapping("/internal-control/follow-ups/{id}/evidence")
	@PreAuthorize(WRITE)
	String addEvidence(@PathVariable Long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
		FollowUp followUp = this.control.followUp(id);
		Board board = this.organisation.board(followUp.getBoardId());
		try {
			this.control.addEvidence(id, String.valueOf(file.getOriginalFilename()), file.getContentType(), file.getBytes());
			redirect.addFlashAttribute("message", text("internalcontrol.saved"));
		}
		catch (RuleViolation ex) {
			redirect.addFlashAttribute("error", text(ex.code(), ex.arguments()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return "redirect:/internal-control/follow-up?point=" + followUp.getControlPointId() + "&board=" + board.getCode()
				+ "&year=" + followUp.getYear();
	}

	@GetMapping("/internal-control/evidence/{id}")
	@PreAuthorize(WRITE)
	ResponseEntity<byte[]> downloadEvidence(@PathVariable Long id) {
		FollowUpEvidence file = this.control.evidenceFile(id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.getFilename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(this.control.evidenceContent(file));
	}

	// Helpers

	/**
	 * Makes a form's change unless binding already failed, and answers where it leads; a rule the
	 * change breaks lands on the form's fields and the page is shown again, nothing saved.
	 */
	private static String change(BindingResult result, Supplier<String> change, Supplier<String> showAgain) {
		return change(result, Map.of(), change, showAgain);
	}

	/** The same, where the rule's field has another name in the form. */
	private static String change(BindingResult result, Map<String, String> formFields, Supplier<String> change,
			Supplier<String> showAgain) {
		if (!result.hasErrors()) {
			try {
				return change.get();
			}
			catch (RuleViolation ex) {
				Forms.reject(result, ex, formFields);
			}
		}
		return showAgain.get();
	}

	private @Nullable FollowUpContent check(FollowUpForm form, BindingResult result) {
		if (form.getPointId() == null || form.getYear() == null) {
			result.reject("internalcontrol.required");
			return null;
		}
		if (form.getPerformed() == null) {
			result.rejectValue("performed", "internalcontrol.followUp.performedRequired");
		}
		if (form.getDate() == null) {
			result.rejectValue("date", "internalcontrol.required");
		}
		FollowUpContent content = form.content();
		if (content == null) {
			result.rejectValue("measures", "internalcontrol.followUp.measureIncomplete");
		}
		return content;
	}

	private String table(InternalControlManagement.BoardStatus status, Origin origin) {
		return this.document.table(FollowUpDocument.tableId(status.board(), status.year(), origin),
				status.points().stream().filter(p -> p.plan().getOrigin() == origin).toList(), 0);
	}

	private PlanRow describe(ControlPlan plan) {
		String owner = plan.getOrigin() == Origin.COMMON
				? this.organisation.municipality(plan.getMunicipalityId()).getName()
				: this.organisation.board(plan.getBoardId()).getName();
		return new PlanRow(plan, owner, this.control.points(plan.getId()).size());
	}

	private AnalysisRow describe(RiskAnalysis analysis) {
		String owner = analysis.getBoardId() == null
				? this.organisation.municipality(analysis.getMunicipalityId()).getName()
				: this.organisation.board(analysis.getBoardId()).getName();
		return new AnalysisRow(analysis, owner, this.control.risks(analysis.getId()).size());
	}

	private static List<String> labels(String text) {
		return Arrays.stream(text.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static List<Integer> levels(String field, String text) {
		try {
			return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).map(Integer::valueOf).toList();
		}
		catch (NumberFormatException ex) {
			throw RuleViolation.onField(field, "internalcontrol.matrix.mapSize", "?");
		}
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text;
	}

	private String text(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(key, args, key, locale);
	}

	/** A plan in a list, with whose it is. */
	record PlanRow(ControlPlan plan, String owner, int points) {
	}

	/** An analysis in a list, with whose it is. */
	record AnalysisRow(RiskAnalysis analysis, String owner, int risks) {
	}

	/** A board's two follow-up tables in the consolidated report. */
	record BoardTables(InternalControlManagement.BoardStatus status, String common, String own) {
	}

	record PlanForm(@NotNull Origin origin, @Nullable Long municipalityId, @Nullable @Size(max = 12) String board,
			@NotNull Integer year, @Nullable Long riskAnalysisId, @Nullable @Size(max = 500) String decidedBy,
			@Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn) {
	}

	record MatrixForm(@NotNull Long municipalityId, @NotBlank @Size(max = 1000) String likelihoodLabels,
			@NotBlank @Size(max = 1000) String consequenceLabels) {
	}

	record AnalysisForm(@NotNull Origin origin, @Nullable Long municipalityId, @Nullable @Size(max = 12) String board,
			@NotNull Integer year) {
	}

	record PointForm(@NotBlank @Size(max = 1000) String question, @Nullable Long riskId, @NotBlank @Size(max = 100_000) String method,
			@NotBlank @Size(max = 200) String frequency, @Nullable Long responsiblePersonId,
			@NotBlank @Size(max = 200) String responsible, @NotBlank @Size(max = 200) String reportsTo) {
	}

	record RiskForm(@NotBlank @Size(max = 200) String category, @NotBlank @Size(max = 100_000) String riskDescription,
			@NotNull Integer likelihood, @NotNull Integer consequence, @Size(max = 100_000) String rationale) {
	}

	record RemapForm(@NotNull Long matrixId, @NotBlank @Size(max = 200) String likelihoodMap,
			@NotBlank @Size(max = 200) String consequenceMap) {
	}

}
