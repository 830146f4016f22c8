package se.paragraf.plans;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import se.paragraf.people.Organisation;
import se.paragraf.shared.Sweden;
import se.paragraf.people.Board;
import se.paragraf.shared.text.EmbedArguments;
import se.paragraf.shared.text.EmbedOffer;
import se.paragraf.shared.text.EmbedRefused;
import se.paragraf.shared.text.EmbeddedContent;
import se.paragraf.shared.text.Fragments;

/**
 * Renders an operations plan as the seed's "Verksamhetsplan 2024 – IT-center": numbered sections,
 * the priorities, the strategic goals as a list and as the table goal | description | indicators,
 * and the units. Offered to documents as {@code {{plans.document board=GSN year=2024}}} and in
 * parts ({@code plans.sections}, {@code plans.priorities}, {@code plans.goals}, {@code plans.units}).
 */
@Component
public class PlanDocument implements EmbeddedContent {

	/** Plans are official Swedish documents whatever language the reader's page uses. */

	private static final Set<String> PARTS = Set.of("plans.document", "plans.sections", "plans.priorities",
			"plans.goals", "plans.goallist", "plans.units");

	private static final String TEMPLATE = "plans/fragments/plan";

	private final PlanManagement plans;

	private final Organisation organisation;

	private final Fragments fragments;

	PlanDocument(PlanManagement plans, Organisation organisation, Fragments fragments) {
		this.plans = plans;
		this.organisation = organisation;
		this.fragments = fragments;
	}

	@Override
	public String kind() {
		return "plans";
	}

	@Override
	public String render(String name, Map<String, String> arguments) {
		EmbedArguments.name(name, PARTS);
		String board = EmbedArguments.board(arguments);
		int year = EmbedArguments.year(arguments);
		if (this.organisation.findBoard(board).isEmpty()) {
			throw new EmbedRefused("embed.board.unknown", board);
		}
		OperationsPlan plan = this.plans.findPlan(board, year)
			.orElseThrow(() -> new EmbedRefused("embed.nothing", board, String.valueOf(year)));
		PlanView view = this.plans.view(plan.getId());
		return switch (name) {
			case "plans.document" -> document(view);
			case "plans.sections" -> render("sections", view, false);
			case "plans.priorities" -> render("priorities", view, false);
			case "plans.goals" -> render("goals", view, false);
			case "plans.goallist" -> render("goallist", view, false);
			default -> render("unitlist", view, false);
		};
	}

	@Override
	public List<EmbedOffer> offers(String boardCode) {
		Board board = this.organisation.findBoard(boardCode).orElse(null);
		if (board == null) {
			return List.of();
		}
		List<EmbedOffer> offers = new ArrayList<>();
		this.plans.plans(board.getId())
			.stream()
			.map(OperationsPlan::getYear)
			.distinct()
			.sorted(java.util.Comparator.reverseOrder())
			.forEach(year -> {
				// Names of the parts as the plan's documents call them (documents are Swedish).
				offers.add(new EmbedOffer("{{plans.goals board=" + boardCode + " year=" + year + "}}",
						"Verksamhetsplan " + year + " – strategiska mål"));
				offers.add(new EmbedOffer("{{plans.priorities board=" + boardCode + " year=" + year + "}}",
						"Verksamhetsplan " + year + " – prioriteringar"));
				offers.add(new EmbedOffer("{{plans.document board=" + boardCode + " year=" + year + "}}",
						"Verksamhetsplan " + year + " – hela planen"));
			});
		return offers;
	}

	/** The whole plan as HTML, for its page and for documents. */
	public String document(PlanView view) {
		return render("document", view, true);
	}

	private String render(String fragment, PlanView view, boolean withGoals) {
		return this.fragments.render(TEMPLATE, fragment, Sweden.LOCALE, Map.of("plan", Model.of(view, withGoals)));
	}

	/** Paragraphs are separated by blank lines; each is a list of its lines. */
	static List<List<String>> paragraphs(String text) {
		List<List<String>> paragraphs = new ArrayList<>();
		for (String paragraph : text.strip().split("\\n\\s*\\n")) {
			if (!paragraph.isBlank()) {
				paragraphs.add(List.of(paragraph.strip().split("\n", -1)));
			}
		}
		return paragraphs;
	}

	static String number(BigDecimal value) {
		DecimalFormat format = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Sweden.LOCALE));
		return format.format(value);
	}

	/** What the template shows: the plan with its numbering done and its figures formatted. */
	record Model(List<List<String>> introduction, List<SectionModel> sections, String year, String goalPeriod,
			List<String> priorities, List<GoalModel> goals, List<UnitModel> units) {

		static Model of(PlanView view, boolean withGoals) {
			List<SectionModel> sections = new ArrayList<>();
			for (PlanSection section : view.sections()) {
				int number = sections.size() + 1;
				GoalsPart goals = withGoals && section.getKind() == SectionKind.GOALS ? GoalsPart.of(view, number + ".")
						: null;
				sections.add(new SectionModel(number, section.getHeading(), paragraphs(section.getBody()), goals));
			}
			return new Model(paragraphs(view.plan().getIntroduction()), sections,
					String.valueOf(view.plan().getYear()), view.goalPeriod(),
					view.priorities().stream().map(Priority::getText).toList(),
					view.goals().stream().map(g -> GoalModel.of(g, view)).toList(), UnitModel.of(view, null, 0));
		}

	}

	record SectionModel(int number, String heading, List<List<String>> body, @Nullable GoalsPart goals) {
	}

	/** The numbered parts of the goals section: "2.1 Prioriteringar", "2.2 Inriktningsmål …", the units. */
	record GoalsPart(@Nullable String priorities, @Nullable String goals, List<UnitModel> units) {

		static GoalsPart of(PlanView view, String prefix) {
			int sub = 0;
			String priorities = view.priorities().isEmpty() ? null : prefix + (++sub);
			String goals = view.goals().isEmpty() ? null : prefix + (++sub);
			return new GoalsPart(priorities, goals, UnitModel.of(view, prefix, sub));
		}

	}

	record UnitModel(@Nullable String number, String name, List<List<String>> body) {

		static List<UnitModel> of(PlanView view, @Nullable String prefix, int after) {
			List<UnitModel> units = new ArrayList<>();
			for (UnitDescription unit : view.units()) {
				String number = prefix == null ? null : prefix + (after + units.size() + 1);
				units.add(new UnitModel(number, unit.getUnitName(), paragraphs(unit.getBody())));
			}
			return units;
		}

	}

	record GoalModel(String title, List<String> description, List<IndicatorModel> indicators) {

		static GoalModel of(PlanView.GoalView goal, PlanView plan) {
			return new GoalModel(goal.goal().getTitle(), List.of(goal.goal().getDescription().split("\n", -1)),
					goal.indicators().stream().map(i -> IndicatorModel.of(i, plan)).toList());
		}

	}

	/** An indicator with its latest value: "E-tjänster: 74,2 % (2023), mål 80. Källa: Kolada". */
	record IndicatorModel(String name, @Nullable String value, @Nullable String unit, @Nullable String period,
			@Nullable String target, boolean kolada, @Nullable String revised) {

		static IndicatorModel of(PlanView.IndicatorView view, PlanView plan) {
			Indicator indicator = view.indicator();
			Measurement latest = view.latest();
			boolean kolada = latest != null && latest.getSource() == MeasurementSource.KOLADA;
			String revised = kolada && latest.revisedAfter(plan.decidedAt())
					? (latest.getPreviousValue() == null ? "" : number(latest.getPreviousValue())) : null;
			return new IndicatorModel(indicator.getName(), latest == null ? null : number(latest.getValue()),
					latest == null ? null : indicator.getUnit(), latest == null ? null : latest.getPeriod(),
					indicator.getTarget() == null ? null : number(indicator.getTarget()), kolada, revised);
		}

	}

}
