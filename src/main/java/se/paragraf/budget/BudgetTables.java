package se.paragraf.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.paragraf.budget.BudgetManagement.VersionView;
import se.paragraf.shared.text.Fragments;

/**
 * The budget's tables as HTML for pages, notices and their PDF (markup in
 * {@code templates/budget/fragments/tables.html}): tkr or mSEK rounded top-down so
 * that displayed rows add up to displayed totals, every cell carrying its exact amount as a tooltip,
 * and a cell moved off its nearest rounding marked with an asterisk.
 */
@Component
public class BudgetTables {

	private static final String MARK = "*";

	private static final String TEMPLATE = "budget/fragments/tables";

	private final MessageSource messages;

	private final Fragments fragments;

	private final java.util.function.Function<VersionView, String> administration;

	@org.springframework.beans.factory.annotation.Autowired
	BudgetTables(MessageSource messages, Fragments fragments, se.paragraf.people.Organisation organisation) {
		this(messages, fragments, view -> view.board().getAdministrationId() == null ? view.board().getName()
				: organisation.administration(view.board().getAdministrationId()).getName());
	}

	BudgetTables(MessageSource messages, Fragments fragments,
			java.util.function.Function<VersionView, String> administration) {
		this.messages = messages;
		this.fragments = fragments;
		this.administration = administration;
	}

	public String activities(VersionView view, Locale locale) {
		BudgetContent content = view.content();
		int year = view.year();
		List<ActivityLine> lines = content.activities();
		Block block = new Block(around(locale, "budget.table.exact"), around(locale, "budget.table.adjustedCell"));
		Table table = block.table("budget-activities", text(locale, "budget.table.activity"),
				text(locale, "budget.table.priorNet", year - 1), text(locale, "budget.table.externalRevenue", year),
				text(locale, "budget.table.internalRevenue", year), text(locale, "budget.table.cost", year),
				text(locale, "budget.table.net", year), text(locale, "budget.table.planNet", year + 1),
				text(locale, "budget.table.planNet", year + 2));
		List<Column> columns = List.of(column(lines, ActivityLine::priorNet), column(lines, a -> a.externalRevenue()),
				column(lines, a -> a.internalRevenue()), column(lines, a -> a.cost()), column(lines, a -> a.net()),
				column(lines, ActivityLine::plan1Net), column(lines, ActivityLine::plan2Net));
		for (int i = 0; i < lines.size(); i++) {
			List<Cell> cells = new ArrayList<>();
			for (Column column : columns) {
				cells.add(block.cell(column, i));
			}
			table.row(false, lines.get(i).label(), cells);
		}
		table.row(true, view.board().getName(), columns.stream().map(block::total).toList());
		block.table("budget-frame", text(locale, "budget.table.frame"), text(locale, "budget.table.adjustedFrame"),
				text(locale, "budget.table.deviation"))
			.row(List.of(block.single(content.frame(), Amounts.TKR, 0),
					block.single(content.adjustedFrame(), Amounts.TKR, 0),
					block.single(content.deviation(), Amounts.TKR, 0)));
		return render(block, locale, view, "budget.table.unit.tkr");
	}

	public String costTypes(VersionView view, Locale locale) {
		BudgetContent content = view.content();
		int year = view.year();
		Block block = new Block(around(locale, "budget.table.exact"), around(locale, "budget.table.adjustedCell"));
		List<String> headers = new ArrayList<>();
		headers.add(text(locale, "budget.table.costtypes"));
		for (CostType type : CostType.values()) {
			headers.add(text(locale, "budget.costtype." + type));
		}
		headers.add(text(locale, "budget.table.sum"));
		Table table = block.table("budget-costtypes", headers.toArray(String[]::new));
		List<ToLongFunction<CostTypeLine>> rows = List.of(CostTypeLine::prior, CostTypeLine::priceChange,
				CostTypeLine::activityChange, CostTypeLine::budget);
		List<String> labels = List.of(text(locale, "budget.bridge.prior", year - 1), text(locale, "budget.bridge.price"),
				text(locale, "budget.bridge.activity"), text(locale, "budget.bridge.budget", year));
		for (int r = 0; r < rows.size(); r++) {
			ToLongFunction<CostTypeLine> amount = rows.get(r);
			List<CostTypeLine> counted = new ArrayList<>();
			for (CostType type : CostType.values()) {
				content.costType(type).filter(line -> type.countsInSum()).ifPresent(counted::add);
			}
			long[] exact = counted.stream().mapToLong(amount).toArray();
			DisplayRounding.Allocation allocation = DisplayRounding.allocate(exact, Amounts.TKR);
			List<Cell> cells = new ArrayList<>();
			for (CostType type : CostType.values()) {
				Optional<CostTypeLine> line = content.costType(type);
				if (line.isEmpty()) {
					cells.add(Cell.EMPTY);
				}
				else if (!type.countsInSum()) {
					long value = amount.applyAsLong(line.get());
					cells.add(block.number(DisplayRounding.round(value, Amounts.TKR), 0, value, false));
				}
				else {
					int i = counted.indexOf(line.get());
					cells.add(block.number(allocation.children()[i], 0, exact[i], allocation.adjusted()[i]));
				}
			}
			cells.add(block.number(allocation.parent(), 0, java.util.Arrays.stream(exact).sum(), false));
			table.row(r == rows.size() - 1, labels.get(r), cells);
		}
		return render(block, locale, view, "budget.table.unit.tkr");
	}

	public String staff(VersionView view, Locale locale) {
		Block block = new Block(around(locale, "budget.table.exact"), around(locale, "budget.table.adjustedCell"));
		Table table = block.table("budget-staff", text(locale, "budget.table.year"),
				text(locale, "budget.table.headcount"), text(locale, "budget.table.personnelCost"));
		for (StaffYear year : view.content().staff()) {
			Cell headcount = year.headcount() == null ? new Cell(text(locale, "budget.table.unknown"), null, "num missing")
					: new Cell(Amounts.headcount(year.headcount()), null, "num");
			table.row(false, text(locale, "budget.table.budgetYear", year.year()),
					List.of(headcount, block.single(year.personnelCost(), Amounts.TKR, 0)));
		}
		return render(block, locale, view, "budget.table.unit.tkr");
	}

	public String investments(VersionView view, Locale locale) {
		BudgetContent content = view.content();
		List<Investment> projects = content.investments();
		Block block = new Block(around(locale, "budget.table.exact"), around(locale, "budget.table.adjustedCell"));
		Table table = block.table("budget-investments", text(locale, "budget.table.project"),
				text(locale, "budget.table.investment", view.year()));
		Column column = new Column(projects.stream().map(p -> (Long) p.amount()).toList(), Amounts.TENTH_MSEK, 1);
		for (int i = 0; i < projects.size(); i++) {
			table.row(false, projects.get(i).name(), List.of(block.cell(column, i)));
		}
		table.row(true, text(locale, "budget.table.total"), List.of(block.total(column)));
		if (content.councilDecision() != null) {
			block.decision = text(locale, "budget.table.councilDecision", content.councilDecision());
		}
		return render(block, locale, view, "budget.table.unit.msek");
	}

	public String assumptions(VersionView view, @Nullable VersionView earlier, Locale locale) {
		int year = view.year();
		Block block = new Block(around(locale, "budget.table.exact"), around(locale, "budget.table.adjustedCell"));
		Table table = block.table("budget-assumptions", text(locale, "budget.table.version"),
				text(locale, "budget.table.salaryIndexation", year), text(locale, "budget.table.payrollOnCost", year),
				text(locale, "budget.table.effect", year));
		for (VersionView shown : earlier == null ? List.of(view) : List.of(earlier, view)) {
			Optional<Assumption> assumption = shown.content().assumptionFor(year);
			Optional<Long> effect = shown.content().salaryIndexationEffect(year);
			table.row(false, versionName(shown, locale), List.of(
					new Cell(assumption.map(Assumption::salaryIndexation).map(Amounts::percent).map(p -> p + " %")
						.orElse(""), null, "num"),
					new Cell(assumption.map(a -> Amounts.percent(a.payrollOnCost()) + " %").orElse(""), null, "num"),
					new Cell(effect.map(Amounts::msek).orElse(""), effect.map(Amounts::exact).orElse(null), "num")));
		}
		return render(block, locale, view, "budget.table.unit.msek");
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
		return this.fragments.render(TEMPLATE, "changes", locale, Map.of("items", items));
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
		return this.fragments.render(TEMPLATE, "totals", locale,
				Map.of("exact", Amounts.exact(revenues) + " / " + Amounts.exact(costs), "text",
						text(locale, "budget.changes.totals", Amounts.msek(revenues), Amounts.msek(costs))));
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

	/** The text of a message before and after its one argument, resolved once per table. */
	private String[] around(Locale locale, String key) {
		String title = text(locale, key, "\u0000");
		int at = title.indexOf('\u0000');
		return at < 0 ? new String[] { title + " ", "" } : new String[] { title.substring(0, at), title.substring(at + 1) };
	}

	/** The tables with the note under them: the unit, the rounding footnote if needed, the version shown. */
	private String render(Block block, Locale locale, VersionView view, String unitKey) {
		String note = text(locale, unitKey) + (block.anyAdjusted ? " " + text(locale, "budget.table.adjustedNote") : "")
				+ " " + text(locale, "budget.table.source", versionName(view, locale));
		return this.fragments.render(TEMPLATE, "tables", locale,
				Map.of("tables", block.tables, "decision", Optional.ofNullable(block.decision), "note", note));
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

	/** One cell: its text, its tooltip (the exact amount) and its classes. */
	record Cell(String text, @Nullable String title, String css) {

		static final Cell EMPTY = new Cell("", null, "num");

	}

	/** A row; the frame's single line has no header. */
	record Row(@Nullable String css, @Nullable String header, List<Cell> cells) {
	}

	record Table(String css, List<String> headers, List<Row> rows) {

		void row(boolean total, String header, List<Cell> cells) {
			this.rows.add(new Row(total ? "total" : null, header, cells));
		}

		/** A row without a header: the frame's single line. */
		void row(List<Cell> cells) {
			this.rows.add(new Row(null, null, cells));
		}

	}

	/** The tables of one embed, remembering whether a footnote on rounding is needed. */
	private static final class Block {

		final List<Table> tables = new ArrayList<>();

		/** The tooltip text before and after the exact amount. */
		private final String[] exactTitle;

		/** The tooltip of an adjusted cell around its exact-amount text: says why it is marked. */
		private final String[] adjustedTitle;

		boolean anyAdjusted;

		@Nullable String decision;

		Block(String[] exactTitle, String[] adjustedTitle) {
			this.exactTitle = exactTitle;
			this.adjustedTitle = adjustedTitle;
		}

		Table table(String css, String... headers) {
			Table table = new Table(css, List.of(headers), new ArrayList<>());
			this.tables.add(table);
			return table;
		}

		Cell cell(Column column, int i) {
			Long exact = column.exact.get(i);
			if (exact == null) {
				return Cell.EMPTY;
			}
			return number(column.shown[i], column.decimals, exact, column.adjusted[i]);
		}

		Cell total(Column column) {
			if (column.empty) {
				return Cell.EMPTY;
			}
			return number(column.total, column.decimals, column.exactTotal, false);
		}

		Cell single(@Nullable Long exact, long unit, int decimals) {
			if (exact == null) {
				return Cell.EMPTY;
			}
			return number(DisplayRounding.round(exact, unit), decimals, exact, false);
		}

		Cell number(long shown, int decimals, long exact, boolean adjusted) {
			this.anyAdjusted |= adjusted;
			String title = this.exactTitle[0] + Amounts.exact(exact) + this.exactTitle[1];
			return new Cell(Amounts.units(shown, decimals) + (adjusted ? MARK : ""),
					adjusted ? this.adjustedTitle[0] + title + this.adjustedTitle[1] : title,
					adjusted ? "num rounding-adjusted" : "num");
		}

	}

}
