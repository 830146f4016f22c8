package se.paragraf.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import se.paragraf.budget.BudgetManagement.VersionView;
import se.paragraf.people.Organisation;
import se.paragraf.shared.Sweden;
import se.paragraf.shared.text.EmbedArguments;
import se.paragraf.shared.text.EmbedOffer;
import se.paragraf.shared.text.EmbedRefused;
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

	private static final Set<String> TABLES = Set.of("budget.activities", "budget.costtypes", "budget.staff",
			"budget.investments", "budget.assumptions", "budget.changes", "budget.totals");

	/** More versions of one year's budget than anyone makes; keeps a typo from reaching the database. */
	private static final int MAX_VERSION = 10_000;

	private final BudgetManagement budgets;

	private final BudgetTables tables;

	private final Organisation organisation;

	BudgetEmbed(BudgetManagement budgets, BudgetTables tables, Organisation organisation) {
		this.budgets = budgets;
		this.tables = tables;
		this.organisation = organisation;
	}

	@Override
	public String kind() {
		return "budget";
	}

	@Override
	public String render(String name, Map<String, String> arguments) {
		EmbedArguments.name(name, TABLES);
		String board = EmbedArguments.board(arguments);
		int year = EmbedArguments.year(arguments);
		Integer version = EmbedArguments.number(arguments, "version", 1, MAX_VERSION);
		Integer compare = EmbedArguments.number(arguments, "compare", 1, MAX_VERSION);
		if (this.organisation.findBoard(board).isEmpty()) {
			throw new EmbedRefused("embed.board.unknown", board);
		}
		VersionView view = this.budgets.shown(board, year, version)
			.orElseThrow(() -> new EmbedRefused("embed.nothing", board, String.valueOf(year)));
		return switch (name) {
			case "budget.activities" -> this.tables.activities(view, Sweden.LOCALE);
			case "budget.costtypes" -> this.tables.costTypes(view, Sweden.LOCALE);
			case "budget.staff" -> this.tables.staff(view, Sweden.LOCALE);
			case "budget.investments" -> this.tables.investments(view, Sweden.LOCALE);
			case "budget.assumptions" -> this.tables.assumptions(view, earlier(view, compare), Sweden.LOCALE);
			case "budget.changes" -> this.tables.changes(view, earlier(view, compare), Sweden.LOCALE);
			default -> this.tables.totals(view, Sweden.LOCALE);
		};
	}

	/** Tables offered in the editor's menu, with their Swedish names (documents are Swedish). */
	private static final List<String[]> OFFERED = List.of(new String[] { "activities", "verksamheter" },
			new String[] { "costtypes", "kostnadsslag" }, new String[] { "staff", "personal" },
			new String[] { "investments", "investeringar" }, new String[] { "totals", "summor" });

	@Override
	public List<EmbedOffer> offers(String boardCode) {
		if (this.organisation.findBoard(boardCode).isEmpty()) {
			return List.of();
		}
		List<EmbedOffer> offers = new ArrayList<>();
		for (Budget budget : this.budgets.budgetsOf(boardCode)) {
			for (String[] table : OFFERED) {
				offers.add(new EmbedOffer("{{budget." + table[0] + " board=" + boardCode + " year=" + budget.getYear() + "}}",
						"Budget " + budget.getYear() + " – " + table[1]));
			}
		}
		return offers;
	}

	private @Nullable VersionView earlier(VersionView view, @Nullable Integer compare) {
		if (compare != null) {
			return this.budgets.shown(view.board().getCode(), view.year(), compare).orElse(null);
		}
		return this.budgets.comparison(view.board().getCode(), view.year(), view.number()).orElse(null);
	}

}
