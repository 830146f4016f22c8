package se.paragraf.plans.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import se.paragraf.people.Organisation;
import se.paragraf.plans.Direction;
import se.paragraf.plans.Indicator;
import se.paragraf.plans.IndicatorDefinition;
import se.paragraf.plans.IndicatorSource;
import se.paragraf.plans.Measurement;
import se.paragraf.plans.OperationsPlan;
import se.paragraf.plans.PlanManagement;
import se.paragraf.plans.PlanSection;
import se.paragraf.plans.PlanView;
import se.paragraf.plans.Priority;
import se.paragraf.plans.SectionKind;
import se.paragraf.plans.StrategicGoal;
import se.paragraf.plans.UnitDescription;
import se.paragraf.shared.web.ApiController;

/**
 * The operations plan in the JSON API: plans, sections, priorities, goals, indicators, measurements
 * and units; CSV import and Kolada fetch. Every write goes through {@link PlanManagement}, so the
 * API keeps the same rules as the pages.
 */
@ApiController("/api/v1")
@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER', 'ECONOMIST', 'MEMBER', 'SUBSTITUTE')")
class PlanApiController {

	private static final String WRITE = "hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER')";

	private final PlanManagement plans;

	private final Organisation organisation;

	PlanApiController(PlanManagement plans, Organisation organisation) {
		this.plans = plans;
		this.organisation = organisation;
	}

	@GetMapping("/plans")
	List<PlanSummary> listPlans(@RequestParam(required = false) @Nullable String board) {
		List<OperationsPlan> found = board == null ? this.plans.allPlans()
				: this.plans.plans(this.organisation.board(board).getId());
		return found.stream().map(this::summary).toList();
	}

	@GetMapping("/plans/{id}")
	PlanDetail showPlan(@PathVariable Long id) {
		return detail(this.plans.view(id));
	}

	@PostMapping("/plans")
	@PreAuthorize(WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<PlanSummary> createPlan(@Valid @RequestBody NewPlan body) {
		OperationsPlan plan = this.plans.createPlan(body.board(), body.year(), body.title(),
				body.introduction() == null ? "" : body.introduction());
		return ResponseEntity.created(URI.create("/api/v1/plans/" + plan.getId())).body(summary(plan));
	}

	@PutMapping("/plans/{id}")
	@PreAuthorize(WRITE)
	PlanSummary revisePlan(@PathVariable Long id, @Valid @RequestBody PlanRevision body) {
		return summary(this.plans.revisePlan(id, body.title(), body.introduction() == null ? "" : body.introduction(),
				body.version()));
	}

	@PostMapping("/plans/{id}/decision")
	@PreAuthorize(WRITE)
	PlanSummary decidePlan(@PathVariable Long id, @Valid @RequestBody Decision body) {
		return summary(this.plans.decide(id, body.decidedOn()));
	}

	@PostMapping("/plans/{id}/sections")
	@PreAuthorize(WRITE)
	ResponseEntity<SectionJson> addSection(@PathVariable Long id, @Valid @RequestBody NewSection body) {
		PlanSection section = this.plans.addSection(id, body.kind() == null ? SectionKind.TEXT : body.kind(),
				body.heading(), body.body() == null ? "" : body.body());
		return ResponseEntity.status(201).body(SectionJson.of(section));
	}

	@PostMapping("/plans/{id}/priorities")
	@PreAuthorize(WRITE)
	ResponseEntity<PriorityJson> addPriority(@PathVariable Long id, @Valid @RequestBody NewPriority body) {
		return ResponseEntity.status(201).body(PriorityJson.of(this.plans.addPriority(id, body.text())));
	}

	@PostMapping("/plans/{id}/goals")
	@PreAuthorize(WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<GoalJson> addGoal(@PathVariable Long id, @Valid @RequestBody NewGoal body) {
		StrategicGoal goal = this.plans.addGoal(id, body.title(), body.description() == null ? "" : body.description(),
				body.firstYear(), body.lastYear());
		return ResponseEntity.created(URI.create("/api/v1/goals/" + goal.getId())).body(GoalJson.of(goal, List.of()));
	}

	@GetMapping("/goals/{id}")
	GoalJson showGoal(@PathVariable Long id) {
		StrategicGoal goal = this.plans.goal(id);
		return GoalJson.of(goal, this.plans.indicators(id)
			.stream()
			.map(i -> IndicatorJson.of(i, this.plans.measurements(i.getId())))
			.toList());
	}

	@PutMapping("/goals/{id}")
	@PreAuthorize(WRITE)
	GoalJson reviseGoal(@PathVariable Long id, @Valid @RequestBody GoalRevision body) {
		return GoalJson.of(this.plans.reviseGoal(id, body.title(), body.description() == null ? "" : body.description(),
				body.firstYear(), body.lastYear(), body.version()), List.of());
	}

	@PostMapping("/goals/{id}/indicators")
	@PreAuthorize(WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<IndicatorJson> addIndicator(@PathVariable Long id, @Valid @RequestBody IndicatorBody body) {
		Indicator indicator = this.plans.addIndicator(id, body.definition());
		return ResponseEntity.created(URI.create("/api/v1/indicators/" + indicator.getId()))
			.body(IndicatorJson.of(indicator, List.of()));
	}

	@GetMapping("/indicators/{id}")
	IndicatorJson showIndicator(@PathVariable Long id) {
		return IndicatorJson.of(this.plans.indicator(id), this.plans.measurements(id));
	}

	@PutMapping("/indicators/{id}")
	@PreAuthorize(WRITE)
	IndicatorJson reviseIndicator(@PathVariable Long id, @Valid @RequestBody IndicatorRevision body) {
		return IndicatorJson.of(this.plans.reviseIndicator(id, body.indicator().definition(), body.version()),
				this.plans.measurements(id));
	}

	@GetMapping("/indicators/{id}/measurements")
	List<MeasurementJson> listMeasurements(@PathVariable Long id) {
		this.plans.indicator(id);
		return this.plans.measurements(id).stream().map(MeasurementJson::of).toList();
	}

	@PostMapping("/indicators/{id}/measurements")
	@PreAuthorize(WRITE)
	ResponseEntity<MeasurementJson> recordMeasurement(@PathVariable Long id, @Valid @RequestBody NewMeasurement body) {
		return ResponseEntity.status(201).body(MeasurementJson.of(this.plans.recordMeasurement(id, body.period(), body.value())));
	}

	@PostMapping(path = "/plans/{id}/measurements", consumes = { "text/csv", "text/plain" })
	@PreAuthorize(WRITE)
	ImportResult importMeasurements(@PathVariable Long id, @RequestBody String csv) {
		return new ImportResult(this.plans.importMeasurements(id, csv), 0);
	}

	@PostMapping("/plans/{id}/kolada")
	@PreAuthorize(WRITE)
	PlanManagement.KoladaImport fetchFromKolada(@PathVariable Long id, @Valid @RequestBody KoladaRequest body) {
		return this.plans.fetchFromKolada(id, body.years());
	}

	@PostMapping("/plans/{id}/units")
	@PreAuthorize(WRITE)
	ResponseEntity<UnitJson> addUnit(@PathVariable Long id, @Valid @RequestBody NewUnit body) {
		return ResponseEntity.status(201)
			.body(UnitJson.of(this.plans.addUnit(id, body.unitName(), body.body() == null ? "" : body.body())));
	}

	private PlanSummary summary(OperationsPlan plan) {
		return new PlanSummary(plan.getId(), this.organisation.board(plan.getBoardId()).getCode(), plan.getYear(),
				plan.getTitle(), plan.getIntroduction(), plan.getDecidedOn(), plan.getVersion());
	}

	private PlanDetail detail(PlanView view) {
		return new PlanDetail(summary(view.plan()), view.sections().stream().map(SectionJson::of).toList(),
				view.priorities().stream().map(PriorityJson::of).toList(),
				view.goals()
					.stream()
					.map(g -> GoalJson.of(g.goal(),
							g.indicators().stream().map(i -> IndicatorJson.of(i.indicator(), i.measurements())).toList()))
					.toList(),
				view.units().stream().map(UnitJson::of).toList());
	}

	record NewPlan(@NotBlank @Size(max = 12) String board, @NotNull Integer year, @NotBlank @Size(max = 500) String title,
			@Nullable @Size(max = 100_000) String introduction) {
	}

	record PlanRevision(@NotBlank @Size(max = 500) String title, @Nullable @Size(max = 100_000) String introduction, @NotNull Long version) {
	}

	record Decision(@NotNull LocalDate decidedOn) {
	}

	record NewSection(@Nullable SectionKind kind, @NotBlank @Size(max = 500) String heading, @Nullable @Size(max = 100_000) String body) {
	}

	record NewPriority(@NotBlank @Size(max = 2000) String text) {
	}

	record NewGoal(@NotBlank @Size(max = 1000) String title, @Nullable @Size(max = 100_000) String description, @NotNull Integer firstYear,
			@NotNull Integer lastYear) {
	}

	record GoalRevision(@NotBlank @Size(max = 1000) String title, @Nullable @Size(max = 100_000) String description,
			@NotNull Integer firstYear, @NotNull Integer lastYear, @NotNull Long version) {
	}

	record IndicatorBody(@NotBlank @Size(max = 500) String name, @Nullable IndicatorSource source,
			@Nullable @Size(max = 20) String koladaKpi, @Nullable @Size(max = 50) String unit, @Nullable Direction direction,
			@Nullable BigDecimal baseline, @Nullable BigDecimal target) {

		IndicatorDefinition definition() {
			return new IndicatorDefinition(this.name, this.source == null ? IndicatorSource.INTERNAL : this.source,
					this.koladaKpi, this.unit, this.direction == null ? Direction.INCREASE : this.direction,
					this.baseline, this.target);
		}

	}

	record IndicatorRevision(@Valid @NotNull IndicatorBody indicator, @NotNull Long version) {
	}

	record NewMeasurement(@NotBlank @Size(max = 20) String period, @NotNull BigDecimal value) {
	}

	record KoladaRequest(@NotEmpty List<Integer> years) {
	}

	record NewUnit(@NotBlank @Size(max = 500) String unitName, @Nullable @Size(max = 100_000) String body) {
	}

	record ImportResult(int recorded, int revised) {
	}

	record PlanSummary(Long id, String board, int year, String title, String introduction,
			@Nullable LocalDate decidedOn, long version) {
	}

	record PlanDetail(PlanSummary plan, List<SectionJson> sections, List<PriorityJson> priorities,
			List<GoalJson> goals, List<UnitJson> units) {
	}

	record SectionJson(Long id, int position, SectionKind kind, String heading, String body, long version) {
		static SectionJson of(PlanSection s) {
			return new SectionJson(s.getId(), s.getPosition(), s.getKind(), s.getHeading(), s.getBody(), s.getVersion());
		}
	}

	record PriorityJson(Long id, int position, String text, long version) {
		static PriorityJson of(Priority p) {
			return new PriorityJson(p.getId(), p.getPosition(), p.getText(), p.getVersion());
		}
	}

	record GoalJson(Long id, int position, String title, String description, int firstYear, int lastYear,
			List<IndicatorJson> indicators, long version) {
		static GoalJson of(StrategicGoal g, List<IndicatorJson> indicators) {
			return new GoalJson(g.getId(), g.getPosition(), g.getTitle(), g.getDescription(), g.getFirstYear(),
					g.getLastYear(), indicators, g.getVersion());
		}
	}

	record IndicatorJson(Long id, int position, String name, IndicatorSource source, @Nullable String koladaKpi,
			@Nullable String unit, Direction direction, @Nullable BigDecimal baseline, @Nullable BigDecimal target,
			List<MeasurementJson> measurements, long version) {
		static IndicatorJson of(Indicator i, List<Measurement> measurements) {
			return new IndicatorJson(i.getId(), i.getPosition(), i.getName(), i.getSource(), i.getKoladaKpi(),
					i.getUnit(), i.getDirection(), i.getBaseline(), i.getTarget(),
					measurements.stream().map(MeasurementJson::of).toList(), i.getVersion());
		}
	}

	record MeasurementJson(Long id, String period, BigDecimal value, String source, Instant recordedAt,
			@Nullable BigDecimal previousValue, @Nullable Instant revisedAt) {
		static MeasurementJson of(Measurement m) {
			return new MeasurementJson(m.getId(), m.getPeriod(), m.getValue(), m.getSource().name(), m.getRecordedAt(),
					m.getPreviousValue(), m.getRevisedAt());
		}
	}

	record UnitJson(Long id, int position, String unitName, String body, long version) {
		static UnitJson of(UnitDescription u) {
			return new UnitJson(u.getId(), u.getPosition(), u.getUnitName(), u.getBody(), u.getVersion());
		}
	}

}
