package se.paragraf.plans;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;
import se.paragraf.shared.Sweden;
import se.paragraf.shared.csv.CsvTable;

/**
 * Writing and reading operations plans: the plan, its sections, priorities, strategic goals,
 * indicators, measurements (typed, imported from CSV or fetched from Kolada) and unit descriptions.
 * Every rule the forms and the API share is checked here.
 */
@Service
@Transactional(readOnly = true)
public class PlanManagement {

	static final Pattern PERIOD = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2]|T[1-3]|Q[1-4]))?");

	private static final int MIN_YEAR = 2000;

	private static final int MAX_YEAR = 2100;

	/** Indicator values are numeric(19,4): four decimals and fifteen digits before them. */
	private static final int SCALE = 4;

	private static final BigDecimal LIMIT = BigDecimal.TEN.pow(15);

	private final OperationsPlans plans;

	private final PlanSections sections;

	private final Priorities priorities;

	private final StrategicGoals goals;

	private final Indicators indicators;

	private final Measurements measurements;

	private final UnitDescriptions units;

	private final Organisation organisation;

	private final KoladaClient kolada;

	private final Clock clock;

	PlanManagement(OperationsPlans plans, PlanSections sections, Priorities priorities, StrategicGoals goals,
			Indicators indicators, Measurements measurements, UnitDescriptions units, Organisation organisation,
			KoladaClient kolada, Clock clock) {
		this.plans = plans;
		this.sections = sections;
		this.priorities = priorities;
		this.goals = goals;
		this.indicators = indicators;
		this.measurements = measurements;
		this.units = units;
		this.organisation = organisation;
		this.kolada = kolada;
		this.clock = clock;
	}

	// Reading

	public OperationsPlan plan(Long id) {
		return this.plans.findById(id).orElseThrow(() -> new NotFoundException("OperationsPlan", id));
	}

	public Optional<OperationsPlan> findPlan(String boardCode, int year) {
		return this.organisation.findBoard(boardCode).flatMap(b -> this.plans.findByBoardIdAndYear(b.getId(), year));
	}

	public List<OperationsPlan> plans(Long boardId) {
		return this.plans.findByBoardIdOrderByYearDesc(boardId);
	}

	public List<OperationsPlan> allPlans() {
		return this.plans.findAll()
			.stream()
			.sorted(Comparator.comparing(OperationsPlan::getYear).reversed().thenComparing(OperationsPlan::getBoardId))
			.toList();
	}

	public List<PlanSection> sections(Long planId) {
		return this.sections.findByPlanIdOrderByPositionAsc(planId);
	}

	public List<Priority> priorities(Long planId) {
		return this.priorities.findByPlanIdOrderByPositionAsc(planId);
	}

	public List<StrategicGoal> goals(Long planId) {
		return this.goals.findByPlanIdOrderByPositionAsc(planId);
	}

	public StrategicGoal goal(Long id) {
		return this.goals.findById(id).orElseThrow(() -> new NotFoundException("StrategicGoal", id));
	}

	public List<Indicator> indicators(Long goalId) {
		return this.indicators.findByGoalIdOrderByPositionAsc(goalId);
	}

	public Indicator indicator(Long id) {
		return this.indicators.findById(id).orElseThrow(() -> new NotFoundException("Indicator", id));
	}

	public List<Measurement> measurements(Long indicatorId) {
		return this.measurements.findByIndicatorIdOrderByPeriodAsc(indicatorId);
	}

	public List<UnitDescription> units(Long planId) {
		return this.units.findByPlanIdOrderByPositionAsc(planId);
	}

	/** Everything a rendering of the plan needs, read in one transaction. */
	public PlanView view(Long planId) {
		OperationsPlan plan = plan(planId);
		Board board = this.organisation.board(plan.getBoardId());
		List<PlanView.GoalView> goalViews = goals(planId).stream()
			.map(goal -> new PlanView.GoalView(goal, indicators(goal.getId()).stream()
				.map(indicator -> new PlanView.IndicatorView(indicator, measurements(indicator.getId())))
				.toList()))
			.toList();
		return new PlanView(plan, board.getCode(), board.getName(), sections(planId), priorities(planId), goalViews,
				units(planId), decisionMoment(plan));
	}

	// Writing

	@Transactional
	public OperationsPlan createPlan(String boardCode, int year, String title, String introduction) {
		Board board = this.organisation.findBoard(boardCode)
			.orElseThrow(() -> RuleViolation.onField("board", "plans.board.unknown", boardCode));
		checkYear("year", year);
		requireText("title", title);
		if (this.plans.findByBoardIdAndYear(board.getId(), year).isPresent()) {
			throw RuleViolation.onField("year", "plans.plan.exists", board.getCode(), year);
		}
		return this.plans.save(new OperationsPlan(board.getId(), year, title.strip(), clean(introduction)));
	}

	@Transactional
	public OperationsPlan revisePlan(Long planId, String title, String introduction, long expectedVersion) {
		OperationsPlan plan = plan(planId);
		StaleVersionException.check("OperationsPlan", planId, plan.getVersion(), expectedVersion);
		requireText("title", title);
		plan.revise(title.strip(), clean(introduction));
		return plan;
	}

	/** Records the day the board decided the plan; later Kolada revisions are flagged against it. */
	@Transactional
	public OperationsPlan decide(Long planId, LocalDate on) {
		OperationsPlan plan = plan(planId);
		plan.decide(on);
		return plan;
	}

	@Transactional
	public PlanSection addSection(Long planId, SectionKind kind, String heading, String body) {
		plan(planId);
		requireText("heading", heading);
		if (kind == SectionKind.GOALS && sections(planId).stream().anyMatch(s -> s.getKind() == SectionKind.GOALS)) {
			throw RuleViolation.onField("kind", "plans.section.goalsTwice");
		}
		return this.sections.save(new PlanSection(planId, sections(planId).size() + 1, kind, heading.strip(), clean(body)));
	}

	@Transactional
	public Priority addPriority(Long planId, String text) {
		plan(planId);
		requireText("text", text);
		String stripped = text.strip();
		if (priorities(planId).stream().anyMatch(p -> p.getText().equalsIgnoreCase(stripped))) {
			throw RuleViolation.onField("text", "plans.priority.duplicate");
		}
		return this.priorities.save(new Priority(planId, priorities(planId).size() + 1, stripped));
	}

	/** Moves a priority one step up (towards first); the order is the plan's order of importance. */
	@Transactional
	public void movePriorityUp(Long priorityId) {
		Priority priority = this.priorities.findById(priorityId)
			.orElseThrow(() -> new NotFoundException("Priority", priorityId));
		List<Priority> all = priorities(priority.getPlanId());
		int index = all.indexOf(priority);
		if (index > 0) {
			Priority before = all.get(index - 1);
			int position = before.getPosition();
			before.moveTo(priority.getPosition());
			priority.moveTo(position);
		}
	}

	@Transactional
	public StrategicGoal addGoal(Long planId, String title, String description, int firstYear, int lastYear) {
		plan(planId);
		requireText("title", title);
		checkYear("firstYear", firstYear);
		checkYear("lastYear", lastYear);
		if (lastYear < firstYear) {
			throw RuleViolation.onField("lastYear", "plans.goal.periodReversed");
		}
		String stripped = title.strip();
		if (goals(planId).stream().anyMatch(g -> g.getTitle().equalsIgnoreCase(stripped))) {
			throw RuleViolation.onField("title", "plans.goal.duplicate");
		}
		return this.goals.save(new StrategicGoal(planId, goals(planId).size() + 1, stripped, clean(description),
				firstYear, lastYear));
	}

	@Transactional
	public StrategicGoal reviseGoal(Long goalId, String title, String description, int firstYear, int lastYear,
			long expectedVersion) {
		StrategicGoal goal = goal(goalId);
		StaleVersionException.check("StrategicGoal", goalId, goal.getVersion(), expectedVersion);
		requireText("title", title);
		if (lastYear < firstYear) {
			throw RuleViolation.onField("lastYear", "plans.goal.periodReversed");
		}
		goal.revise(title.strip(), clean(description), firstYear, lastYear);
		return goal;
	}

	@Transactional
	public Indicator addIndicator(Long goalId, IndicatorDefinition definition) {
		goal(goalId);
		IndicatorDefinition checked = check(definition);
		if (indicators(goalId).stream().anyMatch(i -> i.getName().equalsIgnoreCase(checked.name()))) {
			throw RuleViolation.onField("name", "plans.indicator.duplicate");
		}
		return this.indicators.save(new Indicator(goalId, indicators(goalId).size() + 1, checked));
	}

	@Transactional
	public Indicator reviseIndicator(Long indicatorId, IndicatorDefinition definition, long expectedVersion) {
		Indicator indicator = indicator(indicatorId);
		StaleVersionException.check("Indicator", indicatorId, indicator.getVersion(), expectedVersion);
		indicator.revise(check(definition));
		return indicator;
	}

	/** Records a value typed by the administration; a later value for the same period replaces it. */
	@Transactional
	public Measurement recordMeasurement(Long indicatorId, String period, @Nullable BigDecimal value) {
		indicator(indicatorId);
		if (period == null || !PERIOD.matcher(period.strip()).matches()) {
			throw RuleViolation.onField("period", "plans.measurement.periodInvalid", String.valueOf(period));
		}
		if (value == null) {
			throw RuleViolation.onField("value", "plans.measurement.valueRequired");
		}
		return record(indicatorId, period.strip(), storable("value", value), MeasurementSource.MANUAL);
	}

	/**
	 * Imports measurements from CSV ({@code indikator;period;värde}, or tab-separated, a header line, comma
	 * or point as decimal sign) as Excel saves it: quoted cells may hold separators and line breaks; rows
	 * are numbered as Excel shows them. Indicators are named as in the plan. All or nothing: one bad line
	 * saves none.
	 */
	@Transactional
	public int importMeasurements(Long planId, String csv) {
		plan(planId);
		Map<String, Indicator> byName = new LinkedHashMap<>();
		for (StrategicGoal goal : goals(planId)) {
			for (Indicator indicator : indicators(goal.getId())) {
				byName.putIfAbsent(indicator.getName().toLowerCase(Locale.ROOT), indicator);
			}
		}
		CsvTable table;
		try {
			table = CsvTable.read(csv, ';', '\t');
		}
		catch (CsvTable.Unclosed ex) {
			throw RuleViolation.onField("file", "plans.csv.unclosedQuote", ex.row());
		}
		List<Row> rows = new ArrayList<>();
		int number = 0;
		for (List<String> cells : table.rows()) {
			number++;
			// A row of empty cells (";;", as Excel saves an empty row) is a blank line.
			if (CsvTable.blank(cells) || number == 1 && unquote(cells.get(0)).toLowerCase(Locale.ROOT).startsWith("indikator")) {
				continue;
			}
			if (cells.size() != 3) {
				throw RuleViolation.onField("file", "plans.csv.columns", number);
			}
			Indicator indicator = byName.get(unquote(cells.get(0)).toLowerCase(Locale.ROOT));
			if (indicator == null) {
				throw RuleViolation.onField("file", "plans.csv.unknownIndicator", number, unquote(cells.get(0)));
			}
			String period = unquote(cells.get(1));
			if (!PERIOD.matcher(period).matches()) {
				throw RuleViolation.onField("file", "plans.csv.period", number, period);
			}
			BigDecimal value;
			try {
				value = new BigDecimal(unquote(cells.get(2)).replace(" ", "").replace('\u00A0', ' ').replace(" ", "")
					.replace(',', '.'));
			}
			catch (NumberFormatException ex) {
				throw RuleViolation.onField("file", "plans.csv.value", number, unquote(cells.get(2)));
			}
			value = rounded(value);
			if (!fits(value)) {
				throw RuleViolation.onField("file", "plans.csv.valueRange", number, unquote(cells.get(2)));
			}
			rows.add(new Row(indicator.getId(), period, value));
		}
		if (rows.isEmpty()) {
			throw RuleViolation.onField("file", "plans.csv.empty");
		}
		rows.forEach(row -> record(row.indicatorId(), row.period(), row.value(), MeasurementSource.CSV));
		return rows.size();
	}

	/**
	 * Fetches the plan's Kolada indicators for the board's host municipality. Everything is fetched
	 * before anything is saved, so a slow or malformed answer saves nothing.
	 */
	@Transactional
	public KoladaImport fetchFromKolada(Long planId, Collection<Integer> years) {
		return fetchFromKolada(planId, years, this.kolada);
	}

	@Transactional
	KoladaImport fetchFromKolada(Long planId, Collection<Integer> years, KoladaClient client) {
		OperationsPlan plan = plan(planId);
		if (years.isEmpty()) {
			throw RuleViolation.onField("years", "plans.kolada.yearsRequired");
		}
		years.forEach(year -> checkYear("years", year));
		Board board = this.organisation.board(plan.getBoardId());
		String municipality = this.organisation.municipality(board.getHostMunicipalityId()).getCode();
		Map<Indicator, List<KoladaValue>> fetched = new LinkedHashMap<>();
		for (StrategicGoal goal : goals(planId)) {
			for (Indicator indicator : indicators(goal.getId())) {
				if (indicator.getSource() == IndicatorSource.KOLADA && indicator.getKoladaKpi() != null) {
					fetched.put(indicator, client.values(indicator.getKoladaKpi(), municipality, years));
				}
			}
		}
		int recorded = 0;
		int revised = 0;
		Instant now = this.clock.instant();
		for (Map.Entry<Indicator, List<KoladaValue>> entry : fetched.entrySet()) {
			for (KoladaValue value : entry.getValue()) {
				Optional<Measurement> held = this.measurements.findByIndicatorIdAndPeriod(entry.getKey().getId(),
						value.period());
				if (held.isEmpty()) {
					this.measurements.save(new Measurement(entry.getKey().getId(), value.period(), value.value(),
							MeasurementSource.KOLADA, now));
					recorded++;
				}
				else if (held.get().record(value.value(), MeasurementSource.KOLADA, now)) {
					revised++;
				}
			}
		}
		return new KoladaImport(fetched.size(), recorded, revised);
	}

	@Transactional
	public UnitDescription addUnit(Long planId, String unitName, String body) {
		plan(planId);
		requireText("unitName", unitName);
		String stripped = unitName.strip();
		if (units(planId).stream().anyMatch(u -> u.getUnitName().equalsIgnoreCase(stripped))) {
			throw RuleViolation.onField("unitName", "plans.unit.duplicate");
		}
		return this.units.save(new UnitDescription(planId, units(planId).size() + 1, stripped, clean(body)));
	}

	// Rules

	private Measurement record(Long indicatorId, String period, BigDecimal value, MeasurementSource source) {
		Instant now = this.clock.instant();
		Optional<Measurement> held = this.measurements.findByIndicatorIdAndPeriod(indicatorId, period);
		if (held.isPresent()) {
			held.get().record(value, source, now);
			return held.get();
		}
		return this.measurements.save(new Measurement(indicatorId, period, value, source, now));
	}

	private IndicatorDefinition check(IndicatorDefinition definition) {
		requireText("name", definition.name());
		String kpi = definition.koladaKpi() == null || definition.koladaKpi().isBlank() ? null
				: definition.koladaKpi().strip().toUpperCase(Locale.ROOT);
		if (definition.source() == IndicatorSource.KOLADA && (kpi == null || !KoladaClient.KPI.matcher(kpi).matches())) {
			throw RuleViolation.onField("koladaKpi", "plans.kolada.kpiInvalid", String.valueOf(kpi));
		}
		if (definition.source() == IndicatorSource.INTERNAL) {
			kpi = null;
		}
		String unit = definition.unit() == null || definition.unit().isBlank() ? null : definition.unit().strip();
		return new IndicatorDefinition(definition.name().strip(), definition.source(), kpi, unit, definition.direction(),
				storable("baseline", definition.baseline()), storable("target", definition.target()));
	}

	/**
	 * A value as its column keeps it (numeric(19,4)): four decimals, rounded as the database would,
	 * and less than 10^15 either way; a larger one is refused on its field rather than by the database.
	 */
	private static @Nullable BigDecimal storable(String field, @Nullable BigDecimal value) {
		BigDecimal rounded = rounded(value);
		if (rounded != null && !fits(rounded)) {
			throw RuleViolation.onField(field, "plans.number.range");
		}
		return rounded;
	}

	private static @Nullable BigDecimal rounded(@Nullable BigDecimal value) {
		return value == null ? null : value.setScale(SCALE, java.math.RoundingMode.HALF_UP);
	}

	private static boolean fits(BigDecimal rounded) {
		return rounded.abs().compareTo(LIMIT) < 0;
	}

	private static void checkYear(String field, int year) {
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw RuleViolation.onField(field, "plans.year.invalid", String.valueOf(year));
		}
	}

	private static void requireText(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			throw RuleViolation.onField(field, "plans.required");
		}
	}

	private static String clean(@Nullable String text) {
		return text == null ? "" : text.strip().replace("\r\n", "\n");
	}

	private static String unquote(String cell) {
		String stripped = cell.strip();
		if (stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"")) {
			return stripped.substring(1, stripped.length() - 1).replace("\"\"", "\"").strip();
		}
		return stripped;
	}

	private @Nullable Instant decisionMoment(OperationsPlan plan) {
		LocalDate decided = plan.getDecidedOn();
		// The whole day of the decision counts as before it: Kolada may publish later that day.
		return decided == null ? null : decided.plusDays(1).atStartOfDay(Sweden.ZONE).toInstant();
	}

	private record Row(Long indicatorId, String period, BigDecimal value) {
	}

	/** What a Kolada fetch did: indicators asked, new values recorded, held values revised. */
	public record KoladaImport(int indicators, int recorded, int revised) {
	}

}
