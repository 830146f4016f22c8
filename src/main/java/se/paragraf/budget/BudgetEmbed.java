package se.paragraf.budget;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import se.paragraf.budget.BudgetManagement.VersionView;
import se.paragraf.shared.text.EmbeddedContent;

/**
 * Live budget tables in documents: {@code {{budget.activities board=GSN year=2024 version=2}}} and
 * likewise {@code costtypes}, {@code staff}, {@code investments}, {@code assumptions} (with the computed
 * effect), {@code changes} (the changes against the earlier decided version, as bullets) and
 * {@code totals}. Without {@code version} the newest decided, else the newest version renders;
 * {@code compare=N} picks the version compared with.
 */
@Component
class BudgetEmbed implements EmbeddedContent {

	/** Documents are written in Swedish, whoever looks at them. */
	private static final Locale SWEDISH = Locale.forLanguageTag("sv");

	private final BudgetManagement budgets;

	private final BudgetTables tables;

	BudgetEmbed(BudgetManagement budgets, BudgetTables tables) {
		this.budgets = budgets;
		this.tables = tables;
	}

	@Override
	public String kind() {
		return "budget";
	}

	@Override
	public String render(String name, Map<String, String> arguments) {
		Integer year = number(arguments.get("year"));
		Integer version = number(arguments.get("version"));
		Integer compare = number(arguments.get("compare"));
		String board = arguments.getOrDefault("board", "");
		if (year == null || (arguments.containsKey("version") && version == null)) {
			return missing(name);
		}
		Optional<VersionView> shown = this.budgets.shown(board, year, version);
		if (shown.isEmpty()) {
			return missing(name);
		}
		VersionView view = shown.get();
		return switch (name) {
			case "budget.activities" -> this.tables.activities(view, SWEDISH);
			case "budget.costtypes" -> this.tables.costTypes(view, SWEDISH);
			case "budget.staff" -> this.tables.staff(view, SWEDISH);
			case "budget.investments" -> this.tables.investments(view, SWEDISH);
			case "budget.assumptions" -> this.tables.assumptions(view, earlier(view, compare), SWEDISH);
			case "budget.changes" -> this.tables.changes(view, earlier(view, compare), SWEDISH);
			case "budget.totals" -> this.tables.totals(view, SWEDISH);
			default -> missing(name);
		};
	}

	private @Nullable VersionView earlier(VersionView view, @Nullable Integer compare) {
		if (compare != null) {
			return this.budgets.shown(view.board().getCode(), view.year(), compare).orElse(null);
		}
		return this.budgets.comparison(view.board().getCode(), view.year(), view.number()).orElse(null);
	}

	private static @Nullable Integer number(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String missing(String name) {
		return "<p class=\"embed-missing\">[" + HtmlUtils.htmlEscape(name) + "]</p>";
	}

}
