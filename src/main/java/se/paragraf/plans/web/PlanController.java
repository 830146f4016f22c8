package se.paragraf.plans.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import se.paragraf.plans.Direction;
import se.paragraf.plans.IndicatorDefinition;
import se.paragraf.plans.IndicatorSource;
import se.paragraf.plans.PlanDocument;
import se.paragraf.plans.PlanManagement;
import se.paragraf.plans.PlanView;
import se.paragraf.plans.SectionKind;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.web.Forms;

/**
 * The operations plan pages: the boards' plans, one plan as it will read in the notice, and the
 * forms that build it (sections, priorities, goals, indicators, measurements, units, CSV, Kolada).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER', 'ECONOMIST', 'MEMBER', 'SUBSTITUTE')")
class PlanController {

	private static final String WRITE = "hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER')";

	private static final String VIEW_LIST = "plans/list";

	private static final String VIEW_PLAN = "plans/plan";

	private final PlanManagement plans;

	private final PlanDocument document;

	private final Organisation organisation;

	private final MessageSource messages;

	PlanController(PlanManagement plans, PlanDocument document, Organisation organisation, MessageSource messages) {
		this.plans = plans;
		this.document = document;
		this.organisation = organisation;
		this.messages = messages;
	}

	@GetMapping("/plans")
	String listPlans(Model model) {
		if (!model.containsAttribute("planForm")) {
			model.addAttribute("planForm", new PlanForm("", null, "", ""));
		}
		Map<Long, Board> boards = this.organisation.boards()
			.stream()
			.collect(Collectors.toMap(Board::getId, Function.identity()));
		model.addAttribute("boards", boards.values().stream().sorted(java.util.Comparator.comparing(Board::getName)).toList());
		model.addAttribute("boardsById", boards);
		model.addAttribute("plans", this.plans.allPlans());
		return VIEW_LIST;
	}

	@PostMapping("/plans")
	@PreAuthorize(WRITE)
	String createPlan(@Valid @ModelAttribute("planForm") PlanForm form, BindingResult result, Model model) {
		if (!result.hasErrors()) {
			try {
				Long id = this.plans.createPlan(form.board(), form.year(), form.title(), form.introduction()).getId();
				return "redirect:/plans/" + id;
			}
			catch (RuleViolation ex) {
				Forms.reject(result, ex);
			}
		}
		return listPlans(model);
	}

	@GetMapping("/plans/{id}")
	String showPlan(@PathVariable Long id, Model model) {
		PlanView view = this.plans.view(id);
		model.addAttribute("view", view);
		model.addAttribute("planHtml", this.document.document(view));
		model.addAttribute("indicators", view.goals().stream().flatMap(g -> g.indicators().stream()).toList());
		model.addAttribute("sources", IndicatorSource.values());
		model.addAttribute("directions", Direction.values());
		model.addAttribute("kinds", SectionKind.values());
		defaults(model, "revisionForm", new RevisionForm(view.plan().getTitle(), view.plan().getIntroduction(),
				view.plan().getVersion()));
		defaults(model, "sectionForm", new SectionForm(SectionKind.TEXT, "", ""));
		defaults(model, "priorityForm", new PriorityForm(""));
		defaults(model, "goalForm", new GoalForm("", "", view.plan().getYear(), view.plan().getYear()));
		defaults(model, "indicatorForm", new IndicatorForm(null, "", IndicatorSource.INTERNAL, "", "", Direction.INCREASE,
				null, null));
		defaults(model, "measurementForm", new MeasurementForm(null, String.valueOf(view.plan().getYear() - 1), null));
		defaults(model, "unitForm", new UnitForm("", ""));
		defaults(model, "csvForm", new CsvForm(""));
		defaults(model, "koladaForm", new KoladaForm(String.valueOf(view.plan().getYear() - 1)));
		return VIEW_PLAN;
	}

	@PostMapping("/plans/{id}")
	@PreAuthorize(WRITE)
	String revisePlan(@PathVariable Long id, @Valid @ModelAttribute("revisionForm") RevisionForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return write(id, result, model, redirect,
				() -> this.plans.revisePlan(id, form.title(), form.introduction(), form.version()));
	}

	@PostMapping("/plans/{id}/sections")
	@PreAuthorize(WRITE)
	String addSection(@PathVariable Long id, @Valid @ModelAttribute("sectionForm") SectionForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return write(id, result, model, redirect,
				() -> this.plans.addSection(id, form.kind(), form.heading(), form.sectionBody()));
	}

	@PostMapping("/plans/{id}/priorities")
	@PreAuthorize(WRITE)
	String addPriority(@PathVariable Long id, @Valid @ModelAttribute("priorityForm") PriorityForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return write(id, result, model, redirect, () -> this.plans.addPriority(id, form.text()));
	}

	@PostMapping("/plans/{id}/goals")
	@PreAuthorize(WRITE)
	String addGoal(@PathVariable Long id, @Valid @ModelAttribute("goalForm") GoalForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		return write(id, result, model, redirect,
				() -> this.plans.addGoal(id, form.goalTitle(), form.goalDescription(), form.firstYear(), form.lastYear()));
	}

	@PostMapping("/plans/{id}/indicators")
	@PreAuthorize(WRITE)
	String addIndicator(@PathVariable Long id, @Valid @ModelAttribute("indicatorForm") IndicatorForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return write(id, result, model, redirect, () -> {
			if (this.plans.goals(id).stream().noneMatch(g -> g.getId().equals(form.goalId()))) {
				throw RuleViolation.onField("goalId", "plans.required");
			}
			this.plans.addIndicator(form.goalId(), new IndicatorDefinition(form.indicatorName(), form.source(), form.koladaKpi(),
					form.unit(), form.direction(), form.baseline(), form.target()));
		});
	}

	@PostMapping("/plans/{id}/measurements")
	@PreAuthorize(WRITE)
	String recordMeasurement(@PathVariable Long id, @Valid @ModelAttribute("measurementForm") MeasurementForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return write(id, result, model, redirect, () -> {
			if (form.indicatorId() == null || this.plans.goals(id)
				.stream()
				.noneMatch(g -> g.getId().equals(this.plans.indicator(form.indicatorId()).getGoalId()))) {
				throw RuleViolation.onField("indicatorId", "plans.required");
			}
			this.plans.recordMeasurement(form.indicatorId(), form.period(), form.value());
		});
	}

	@PostMapping("/plans/{id}/units")
	@PreAuthorize(WRITE)
	String addUnit(@PathVariable Long id, @Valid @ModelAttribute("unitForm") UnitForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		return write(id, result, model, redirect, () -> this.plans.addUnit(id, form.unitName(), form.unitBody()));
	}

	@PostMapping("/plans/{id}/csv")
	@PreAuthorize(WRITE)
	String importMeasurements(@PathVariable Long id, @Valid @ModelAttribute("csvForm") CsvForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return write(id, result, model, redirect, () -> this.plans.importMeasurements(id, form.file()));
	}

	@PostMapping("/plans/{id}/kolada")
	@PreAuthorize(WRITE)
	String fetchFromKolada(@PathVariable Long id, @Valid @ModelAttribute("koladaForm") KoladaForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return write(id, result, model, redirect, () -> {
			List<Integer> years;
			try {
				years = Arrays.stream(form.years().split("[,\\s]+")).filter(s -> !s.isBlank()).map(Integer::valueOf).toList();
			}
			catch (NumberFormatException ex) {
				throw RuleViolation.onField("years", "plans.year.invalid", form.years());
			}
			PlanManagement.KoladaImport done = this.plans.fetchFromKolada(id, years);
			redirect.addFlashAttribute("message", this.messages.getMessage("plans.kolada.done",
					new Object[] { done.indicators(), done.recorded(), done.revised() }, LocaleContextHolder.getLocale()));
		});
	}

	private String write(Long id, BindingResult result, Model model, RedirectAttributes redirect, Runnable action) {
		if (!result.hasErrors()) {
			try {
				action.run();
				if (!redirect.getFlashAttributes().containsKey("message")) {
					redirect.addFlashAttribute("message",
							this.messages.getMessage("plans.saved", null, LocaleContextHolder.getLocale()));
				}
				return "redirect:/plans/" + id;
			}
			catch (RuleViolation ex) {
				Forms.reject(result, ex, java.util.Map.of("title", "goalTitle", "description", "goalDescription", "name", "indicatorName", "body", "unitBody", "file", "file", "text", "text"));
			}
		}
		return showPlan(id, model);
	}

	private static void defaults(Model model, String name, Object form) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form);
		}
	}

	record PlanForm(@NotBlank @Size(max = 12) String board, @NotNull Integer year, @NotBlank @Size(max = 500) String title,
			@Size(max = 100_000) String introduction) {
	}

	record RevisionForm(@NotBlank @Size(max = 500) String title, @Size(max = 100_000) String introduction, long version) {
	}

	record SectionForm(@NotNull SectionKind kind, @NotBlank @Size(max = 500) String heading, @Size(max = 100_000) String sectionBody) {
	}

	record PriorityForm(@NotBlank @Size(max = 2000) String text) {
	}

	record GoalForm(@NotBlank @Size(max = 1000) String goalTitle, @Size(max = 100_000) String goalDescription, @NotNull Integer firstYear,
			@NotNull Integer lastYear) {
	}

	record IndicatorForm(@NotNull Long goalId, @NotBlank @Size(max = 500) String indicatorName, @NotNull IndicatorSource source,
			@Size(max = 20) String koladaKpi, @Size(max = 50) String unit, @NotNull Direction direction, @Nullable BigDecimal baseline,
			@Nullable BigDecimal target) {
	}

	record MeasurementForm(@NotNull Long indicatorId, @NotBlank @Size(max = 20) String period, @NotNull BigDecimal value) {
	}

	record UnitForm(@NotBlank @Size(max = 500) String unitName, @Size(max = 100_000) String unitBody) {
	}

	record CsvForm(@NotBlank @Size(max = 1_000_000) String file) {
	}

	record KoladaForm(@NotBlank @Size(max = 200) String years) {
	}

}
