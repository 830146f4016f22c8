package se.paragraf.plans;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import se.paragraf.shared.Sweden;
import se.paragraf.shared.text.EmbedArguments;
import se.paragraf.shared.text.EmbedRefused;
import se.paragraf.shared.text.EmbeddedContent;

/**
 * Renders an operations plan as the seed's "Verksamhetsplan 2024 – IT-center": numbered sections,
 * the priorities, the strategic goals as a list and as the table goal | description | indicators,
 * and the units. Offered to documents as {@code {{plans.document board=GSN year=2024}}} and in
 * parts ({@code plans.sections}, {@code plans.priorities}, {@code plans.goals}, {@code plans.units}).
 */
@Component
public class PlanDocument implements EmbeddedContent {

	/** Plans are official Swedish documents whatever language the reader's page uses. */
	private static final Locale SWEDISH = Sweden.LOCALE;

	private static final Set<String> PARTS = Set.of("plans.document", "plans.sections", "plans.priorities",
			"plans.goals", "plans.goallist", "plans.units");

	private final PlanManagement plans;

	private final MessageSource messages;

	PlanDocument(PlanManagement plans, MessageSource messages) {
		this.plans = plans;
		this.messages = messages;
	}

	@Override
	public String kind() {
		return "plans";
	}

	@Override
	public String render(String name, Map<String, String> arguments) {
		if (!PARTS.contains(name)) {
			throw new EmbedRefused("embed.name.unknown", name);
		}
		String board = EmbedArguments.board(arguments);
		int year = EmbedArguments.year(arguments);
		OperationsPlan plan = this.plans.findPlan(board, year)
			.orElseThrow(() -> new EmbedRefused("embed.nothing", board, String.valueOf(year)));
		PlanView view = this.plans.view(plan.getId());
		return switch (name) {
			case "plans.document" -> document(view);
			case "plans.sections" -> sections(view, false);
			case "plans.priorities" -> priorityList(view);
			case "plans.goals" -> goalTable(view);
			case "plans.goallist" -> goalList(view);
			default -> units(view, "");
		};
	}

	/** The whole plan as HTML, for its page and for documents. */
	public String document(PlanView view) {
		StringBuilder html = new StringBuilder();
		if (!view.plan().getIntroduction().isBlank()) {
			html.append(paragraphs(view.plan().getIntroduction()));
		}
		html.append(sections(view, true));
		return html.toString();
	}

	private String sections(PlanView view, boolean withGoals) {
		StringBuilder html = new StringBuilder();
		int number = 0;
		for (PlanSection section : view.sections()) {
			number++;
			html.append("<h3>").append(number).append(". ").append(escape(section.getHeading())).append("</h3>");
			html.append(paragraphs(section.getBody()));
			if (withGoals && section.getKind() == SectionKind.GOALS) {
				html.append(goalsPart(view, number + "."));
			}
		}
		return html.toString();
	}

	private String goalsPart(PlanView view, String prefix) {
		StringBuilder html = new StringBuilder();
		int sub = 0;
		if (!view.priorities().isEmpty()) {
			sub++;
			html.append("<h4>").append(prefix).append(sub).append(' ').append(text("plans.doc.priorities")).append("</h4>");
			html.append(priorityList(view));
		}
		if (!view.goals().isEmpty()) {
			sub++;
			html.append("<h4>")
				.append(prefix)
				.append(sub)
				.append(' ')
				.append(text("plans.doc.goals", view.goalPeriod()))
				.append("</h4>");
			html.append(goalList(view)).append(goalTable(view));
		}
		html.append(units(view, prefix, sub));
		return html.toString();
	}

	private String priorityList(PlanView view) {
		StringBuilder html = new StringBuilder("<p>")
			.append(text("plans.doc.prioritiesLead", String.valueOf(view.plan().getYear())))
			.append("</p><ul class=\"plan-priorities\">");
		view.priorities().forEach(p -> html.append("<li>").append(escape(p.getText())).append("</li>"));
		return html.append("</ul>").toString();
	}

	private String goalList(PlanView view) {
		StringBuilder html = new StringBuilder("<ul class=\"plan-goals\">");
		view.goals().forEach(g -> html.append("<li>").append(escape(g.goal().getTitle())).append("</li>"));
		return html.append("</ul>").toString();
	}

	private String goalTable(PlanView view) {
		StringBuilder html = new StringBuilder("<table class=\"plan-goals\"><thead><tr>");
		for (String header : List.of("plans.doc.goal", "plans.doc.description", "plans.doc.indicators")) {
			html.append("<th scope=\"col\">").append(text(header)).append("</th>");
		}
		html.append("</tr></thead><tbody>");
		for (PlanView.GoalView goal : view.goals()) {
			html.append("<tr><td>")
				.append(escape(goal.goal().getTitle()))
				.append("</td><td>")
				.append(escape(goal.goal().getDescription()).replace("\n", "<br/>"))
				.append("</td><td>");
			boolean first = true;
			for (PlanView.IndicatorView indicator : goal.indicators()) {
				if (!first) {
					html.append("<br/>");
				}
				first = false;
				html.append(indicator(indicator, view));
			}
			html.append("</td></tr>");
		}
		return html.append("</tbody></table>").toString();
	}

	private String indicator(PlanView.IndicatorView view, PlanView plan) {
		Indicator indicator = view.indicator();
		StringBuilder html = new StringBuilder(escape(indicator.getName()));
		Measurement latest = view.latest();
		if (latest != null) {
			html.append(": ")
				.append(escape(number(latest.getValue())))
				.append(indicator.getUnit() == null ? "" : " " + escape(indicator.getUnit()))
				.append(" (")
				.append(escape(latest.getPeriod()))
				.append(')');
		}
		if (indicator.getTarget() != null) {
			html.append(", ").append(text("plans.doc.target", number(indicator.getTarget())));
		}
		if (latest != null && latest.getSource() == MeasurementSource.KOLADA) {
			html.append(". ").append(text("plans.doc.koladaSource"));
			if (latest.revisedAfter(plan.decidedAt())) {
				html.append(" <span class=\"revised\">")
					.append(text("plans.doc.revised", latest.getPreviousValue() == null ? ""
							: number(latest.getPreviousValue())))
					.append("</span>");
			}
		}
		return html.toString();
	}

	private String units(PlanView view, String prefix) {
		return units(view, prefix, 0);
	}

	private String units(PlanView view, String prefix, int after) {
		StringBuilder html = new StringBuilder();
		int sub = after;
		for (UnitDescription unit : view.units()) {
			sub++;
			html.append("<h4>")
				.append(prefix.isEmpty() ? "" : prefix + sub + " ")
				.append(text("plans.doc.unit", unit.getUnitName()))
				.append("</h4>")
				.append(paragraphs(unit.getBody()));
		}
		return html.toString();
	}

	/** Paragraphs are separated by blank lines; a single newline stays a line break. */
	static String paragraphs(String text) {
		StringBuilder html = new StringBuilder();
		for (String paragraph : text.strip().split("\\n\\s*\\n")) {
			if (!paragraph.isBlank()) {
				html.append("<p>").append(escape(paragraph.strip()).replace("\n", "<br/>")).append("</p>");
			}
		}
		return html.toString();
	}

	static String number(BigDecimal value) {
		DecimalFormat format = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(SWEDISH));
		return format.format(value);
	}

	private String text(String key, Object... args) {
		return escape(this.messages.getMessage(key, args, key, SWEDISH));
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
