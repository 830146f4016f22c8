package se.paragraf.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import se.paragraf.budget.BudgetManagement.VersionView;

/**
 * The budget's tables as plain HTML for pages, notices and their PDF: tkr or mSEK rounded top-down so
 * that displayed rows add up to displayed totals, every cell carrying its exact amount as a tooltip,
 * and a cell moved off its nearest rounding marked with an asterisk.
 */
@Component
public class BudgetTables {

	private static final String MARK = "*";

	private final MessageSource messages;

	private final java.util.function.Function<VersionView, String> administration;

	@org.springframework.beans.factory.annotation.Autowired
	BudgetTables(MessageSource messages, se.paragraf.people.Organisation organisation) {
		this(messages, view -> view.board().getAdministrationId() == null ? view.board().getName()
				: organisation.administration(view.board().getAdministrationId()).getName());
	}

	BudgetTables(MessageSource messages, java.util.function.Function<VersionView, String> administration) {
		this.messages = messages;
		this.administration = administration;
	}

	public String activities(VersionView view, Locale locale) {
		BudgetContent content = view.content();
		int year = view.year();
		List<ActivityLine> lines = content.activities();
		Html html = new Html(exactTitle(locale));
		html.open("<table class=\"budget-table budget-activities\"><thead><tr>");
		html.th(text(locale, "budget.table.activity"));
		html.th(text(locale, "budget.table.priorNet", year - 1));
		html.th(text(locale, "budget.table.externalRevenue", year));
		html.th(text(locale, "budget.table.internalRevenue", year));
		html.th(text(locale, "budget.table.cost", year));
		html.th(text(locale, "budget.table.net", year));
		html.th(text(locale, "budget.table.planNet", year + 1));
		html.th(text(locale, "budget.table.planNet", year + 2));
		html.open("</tr></thead><tbody>");
		List<Column> columns = List.of(column(lines, ActivityLine::priorNet), column(lines, a -> a.externalRevenue()),
				column(lines, a -> a.internalRevenue()), column(lines, a -> a.cost()), column(lines, a -> a.net()),
				column(lines, ActivityLine::plan1Net), column(lines, ActivityLine::plan2Net));
		for (int i = 0; i < lines.size(); i++) {
			html.open("<tr>");
			html.rowHeader(lines.get(i).label());
			for (Column column : columns) {
				html.cell(column, i, locale, this);
			}
			html.open("</tr>");
		}
		html.open("<tr class=\"total\">");
		html.rowHeader(view.board().getName());
		for (Column column : columns) {
			html.total(column, locale, this);
		}
		html.open("</tr></tbody></table>");
		html.open("<table class=\"budget-table budget-frame\"><thead><tr>");
		html.th(text(locale, "budget.table.frame"));
		html.th(text(locale, "budget.table.adjustedFrame"));
		html.th(text(locale, "budget.table.deviation"));
		html.open("</tr></thead><tbody><tr>");
		html.single(content.frame(), Amounts.TKR, 0, locale, this);
		html.single(content.adjustedFrame(), Amounts.TKR, 0, locale, this);
		html.single(content.deviation(), Amounts.TKR, 0, locale, this);
		html.open("</tr></tbody></table>");
		return html.finish(this, locale, view, "budget.table.unit.tkr");
	}

	public String costTypes(VersionView view, Locale locale) {
		BudgetContent content = view.content();
		int year = view.year();
		Html html = new Html(exactTitle(locale));
		html.open("<table class=\"budget-table budget-costtypes\"><thead><tr>");
		html.th(text(locale, "budget.table.costtypes"));
		for (CostType type : CostType.values()) {
			html.th(text(locale, "budget.costtype." + type));
		}
		html.th(text(locale, "budget.table.sum"));
		html.open("</tr></thead><tbody>");
		List<ToLongFunction<CostTypeLine>> rows = List.of(CostTypeLine::prior, CostTypeLine::priceChange,
				CostTypeLine::activityChange, CostTypeLine::budget);
		List<String> labels = List.of(text(locale, "budget.bridge.prior", year - 1), text(locale, "budget.bridge.price"),
				text(locale, "budget.bridge.activity"), text(locale, "budget.bridge.budget", year));
		for (int r = 0; r < rows.size(); r++) {
			ToLongFunction<CostTypeLine> amount = rows.get(r);
			html.open(r == rows.size() - 1 ? "<tr class=\"total\">" : "<tr>");
			html.rowHeader(labels.get(r));
			List<CostTypeLine> counted = new ArrayList<>();
			for (CostType type : CostType.values()) {
				content.costType(type).filter(line -> type.countsInSum()).ifPresent(counted::add);
			}
			long[] exact = counted.stream().mapToLong(amount).toArray();
			DisplayRounding.Allocation allocation = DisplayRounding.allocate(exact, Amounts.TKR);
			for (CostType type : CostType.values()) {
				Optional<CostTypeLine> line = content.costType(type);
				if (line.isEmpty()) {
					html.open("<td class=\"num\"></td>");
				}
				else if (!type.countsInSum()) {
					long value = amount.applyAsLong(line.get());
					html.number(DisplayRounding.round(value, Amounts.TKR), 0, value, false, locale, this);
				}
				else {
					int i = counted.indexOf(line.get());
					html.number(allocation.children()[i], 0, exact[i], allocation.adjusted()[i], locale, this);
				}
			}
			html.number(allocation.parent(), 0, java.util.Arrays.stream(exact).sum(), false, locale, this);
			html.open("</tr>");
		}
		html.open("</tbody></table>");
		return html.finish(this, locale, view, "budget.table.unit.tkr");
	}

	public String staff(VersionView view, Locale locale) {
		Html html = new Html(exactTitle(locale));
		html.open("<table class=\"budget-table budget-staff\"><thead><tr>");
		html.th(text(locale, "budget.table.year"));
		html.th(text(locale, "budget.table.headcount"));
		html.th(text(locale, "budget.table.personnelCost"));
		html.open("</tr></thead><tbody>");
		for (StaffYear year : view.content().staff()) {
			html.open("<tr>");
			html.rowHeader(text(locale, "budget.table.budgetYear", year.year()));
			if (year.headcount() == null) {
				html.open("<td class=\"num missing\">" + esc(text(locale, "budget.table.unknown")) + "</td>");
			}
			else {
				html.open("<td class=\"num\">" + esc(Amounts.headcount(year.headcount())) + "</td>");
			}
			html.single(year.personnelCost(), Amounts.TKR, 0, locale, this);
			html.open("</tr>");
		}
		html.open("</tbody></table>");
		return html.finish(this, locale, view, "budget.table.unit.tkr");
	}

	public String investments(VersionView view, Locale locale) {
		BudgetContent content = view.content();
		List<Investment> projects = content.investments();
		Html html = new Html(exactTitle(locale));
		html.open("<table class=\"budget-table budget-investments\"><thead><tr>");
		html.th(text(locale, "budget.table.project"));
		html.th(text(locale, "budget.table.investment", view.year()));
		html.open("</tr></thead><tbody>");
		Column column = new Column(projects.stream().map(p -> (Long) p.amount()).toList(), Amounts.TENTH_MSEK, 1);
		for (int i = 0; i < projects.size(); i++) {
			html.open("<tr>");
			html.rowHeader(projects.get(i).name());
			html.cell(column, i, locale, this);
			html.open("</tr>");
		}
		html.open("<tr class=\"total\">");
		html.rowHeader(text(locale, "budget.table.total"));
		html.total(column, locale, this);
		html.open("</tr></tbody></table>");
		if (content.councilDecision() != null) {
			html.open("<p class=\"budget-decision\">"
					+ esc(text(locale, "budget.table.councilDecision", content.councilDecision())) + "</p>");
		}
		return html.finish(this, locale, view, "budget.table.unit.msek");
	}

	public String assumptions(VersionView view, @Nullable VersionView earlier, Locale locale) {
		int year = view.year();
		Html html = new Html(exactTitle(locale));
		html.open("<table class=\"budget-table budget-assumptions\"><thead><tr>");
		html.th(text(locale, "budget.table.version"));
		html.th(text(locale, "budget.table.salaryIndexation", year));
		html.th(text(locale, "budget.table.payrollOnCost", year));
		html.th(text(locale, "budget.table.effect", year));
		html.open("</tr></thead><tbody>");
		for (VersionView shown : earlier == null ? List.of(view) : List.of(earlier, view)) {
			html.open("<tr>");
			html.rowHeader(versionName(shown, locale));
			Optional<Assumption> assumption = shown.content().assumptionFor(year);
			html.open("<td class=\"num\">" + esc(assumption.map(Assumption::salaryIndexation)
				.map(Amounts::percent)
				.map(p -> p + " %")
				.orElse("")) + "</td>");
			html.open("<td class=\"num\">"
					+ esc(assumption.map(a -> Amounts.percent(a.payrollOnCost()) + " %").orElse("")) + "</td>");
			Optional<Long> effect = shown.content().salaryIndexationEffect(year);
			html.open("<td class=\"num\"" + effect.map(e -> " title=\"" + esc(Amounts.exact(e)) + "\"").orElse("")
					+ ">" + esc(effect.map(Amounts::msek).orElse("")) + "</td>");
			html.open("</tr>");
		}
		html.open("</tbody></table>");
		return html.finish(this, locale, view, "budget.table.unit.msek");
	}

	/** The changes against the earlier (decided) version as a bulleted list, every figure computed. */
	public String changes(VersionView view, @Nullable VersionView earlier, Locale locale) {
		BudgetContent now = view.content();
		int year = view.year();
		List<String> items = new ArrayList<>();
		if (earlier != null) {
			BudgetContent before = earlier.content();
			Optional<Assumption> a = now.assumptionFor(year);
			Optional<Assumption> b = before.assumptionFor(year);
			Optional<Long> effect = now.salaryIndexationEffect(year);
			Optional<Long> earlierEffect = before.salaryIndexationEffect(year);
			if (a.isPresent() && b.isPresent() && effect.isPresent() && earlierEffect.isPresent()) {
				items.add(text(locale, "budget.changes.assumptions", percent(b.get().salaryIndexation()),
						Amounts.percent(b.get().payrollOnCost()), percent(a.get().salaryIndexation()),
						Amounts.percent(a.get().payrollOnCost()), Amounts.msek(effect.get()),
						Amounts.msek(earlierEffect.get()), this.administration.apply(view)));
			}
			difference(now, before, CostType.PERSONNEL, CostTypeLine::activityChange)
				.ifPresent(d -> items.add(text(locale, "budget.changes.personnel", direction(d, locale),
						Amounts.msek(Math.abs(d)))));
			difference(now, before, CostType.CAPITAL, CostTypeLine::budget)
				.ifPresent(d -> items.add(text(locale, "budget.changes.capital", direction(d, locale),
						Amounts.msek(Math.abs(d)))));
		}
		now.costType(CostType.OTHER)
			.filter(line -> line.activityChange() != 0)
			.ifPresent(line -> items.add(text(locale, "budget.changes.other", direction(line.activityChange(), locale),
					Amounts.msek(Math.abs(line.activityChange())))));
		StringBuilder html = new StringBuilder("<ul class=\"budget-changes\">");
		for (String item : items) {
			html.append("<li>").append(esc(item)).append("</li>");
		}
		return html.append("</ul>").toString();
	}

	/** Total revenues and costs of the version's cost-type table in mSEK. */
	public String totals(VersionView view, Locale locale) {
		BudgetContent content = view.content();
		long revenues = content.costTypes().stream().filter(l -> l.costType() == CostType.REVENUE)
			.mapToLong(CostTypeLine::budget).sum();
		long costs = content.costTypes().stream()
			.filter(l -> l.costType() != CostType.REVENUE && l.costType().countsInSum())
			.mapToLong(CostTypeLine::budget).sum();
		if (content.costTypes().isEmpty()) {
			revenues = content.externalRevenue() + content.internalRevenue();
			costs = content.cost();
		}
		return "<p class=\"budget-totals\" title=\"" + esc(Amounts.exact(revenues) + " / " + Amounts.exact(costs))
				+ "\">" + esc(text(locale, "budget.changes.totals", Amounts.msek(revenues), Amounts.msek(costs)))
				+ "</p>";
	}

	public String versionName(VersionView view, Locale locale) {
		return text(locale, "budget.version.name", view.number(), view.label(),
				text(locale, "budget.status." + view.status()));
	}

	private static Optional<Long> difference(BudgetContent now, BudgetContent before, CostType type,
			ToLongFunction<CostTypeLine> amount) {
		Optional<CostTypeLine> a = now.costType(type);
		Optional<CostTypeLine> b = before.costType(type);
		if (a.isEmpty() || b.isEmpty()) {
			return Optional.empty();
		}
		long d = amount.applyAsLong(a.get()) - amount.applyAsLong(b.get());
		return d == 0 ? Optional.empty() : Optional.of(d);
	}

	private String direction(long amount, Locale locale) {
		return text(locale, amount > 0 ? "budget.changes.increase" : "budget.changes.decrease");
	}

	private static String percent(java.math.@Nullable BigDecimal value) {
		return value == null ? "" : Amounts.percent(value);
	}

	String text(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, locale);
	}

	private String[] exactTitle(Locale locale) {
		String title = text(locale, "budget.table.exact", "\u0000");
		int at = title.indexOf('\u0000');
		return at < 0 ? new String[] { esc(title) + " ", "" }
				: new String[] { esc(title.substring(0, at)), esc(title.substring(at + 1)) };
	}

	static String esc(String text) {
		return HtmlUtils.htmlEscape(text);
	}

	private static <T> Column column(List<T> lines, java.util.function.Function<T, @Nullable Long> amount) {
		return new Column(lines.stream().map(amount).toList(), Amounts.TKR, 0);
	}

	/** One column of amounts rounded top-down: its non-empty cells add up to its total. */
	static final class Column {

		final List<@Nullable Long> exact;

		final long unit;

		final int decimals;

		final long[] shown;

		final boolean[] adjusted;

		final long total;

		final long exactTotal;

		final boolean empty;

		Column(List<@Nullable Long> exact, long unit, int decimals) {
			this.exact = exact;
			this.unit = unit;
			this.decimals = decimals;
			long[] present = exact.stream().filter(java.util.Objects::nonNull).mapToLong(Long::longValue).toArray();
			DisplayRounding.Allocation allocation = DisplayRounding.allocate(present, unit);
			this.shown = new long[exact.size()];
			this.adjusted = new boolean[exact.size()];
			for (int i = 0, k = 0; i < exact.size(); i++) {
				if (exact.get(i) != null) {
					this.shown[i] = allocation.children()[k];
					this.adjusted[i] = allocation.adjusted()[k];
					k++;
				}
			}
			this.total = allocation.parent();
			this.exactTotal = java.util.Arrays.stream(present).sum();
			this.empty = present.length == 0;
		}

	}

	/** Builds one table's HTML and remembers whether a footnote on rounding is needed. */
	private static final class Html {

		private final StringBuilder out = new StringBuilder();

		/** The escaped tooltip text before and after the exact amount, resolved once per table. */
		private final String[] exactTitle;

		private boolean anyAdjusted;

		Html(String[] exactTitle) {
			this.exactTitle = exactTitle;
		}

		void open(String markup) {
			this.out.append(markup);
		}

		void th(String label) {
			this.out.append("<th scope=\"col\">").append(esc(label)).append("</th>");
		}

		void rowHeader(String label) {
			this.out.append("<th scope=\"row\">").append(esc(label)).append("</th>");
		}

		void cell(Column column, int i, Locale locale, BudgetTables tables) {
			Long exact = column.exact.get(i);
			if (exact == null) {
				this.out.append("<td class=\"num\"></td>");
				return;
			}
			number(column.shown[i], column.decimals, exact, column.adjusted[i], locale, tables);
		}

		void total(Column column, Locale locale, BudgetTables tables) {
			if (column.empty) {
				this.out.append("<td class=\"num\"></td>");
				return;
			}
			number(column.total, column.decimals, column.exactTotal, false, locale, tables);
		}

		void single(@Nullable Long exact, long unit, int decimals, Locale locale, BudgetTables tables) {
			if (exact == null) {
				this.out.append("<td class=\"num\"></td>");
				return;
			}
			number(DisplayRounding.round(exact, unit), decimals, exact, false, locale, tables);
		}

		void number(long shown, int decimals, long exact, boolean adjusted, Locale locale, BudgetTables tables) {
			this.anyAdjusted |= adjusted;
			// Formatted numbers hold only digits, spaces, minus and comma: nothing to escape.
			this.out.append("<td class=\"num")
				.append(adjusted ? " rounding-adjusted" : "")
				.append("\" title=\"")
				.append(this.exactTitle[0])
				.append(Amounts.exact(exact))
				.append(this.exactTitle[1])
				.append("\">")
				.append(Amounts.units(shown, decimals))
				.append(adjusted ? MARK : "")
				.append("</td>");
		}

		String finish(BudgetTables tables, Locale locale, VersionView view, String unitKey) {
			this.out.append("<p class=\"budget-note\">").append(esc(tables.text(locale, unitKey)));
			if (this.anyAdjusted) {
				this.out.append(' ').append(esc(tables.text(locale, "budget.table.adjustedNote")));
			}
			this.out.append(' ')
				.append(esc(tables.text(locale, "budget.table.source", tables.versionName(view, locale))))
				.append("</p>");
			return this.out.toString();
		}

	}

}
