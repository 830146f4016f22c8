package se.paragraf.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import se.paragraf.budget.BudgetManagement.VersionView;
import se.paragraf.people.Board;
import se.paragraf.people.BoardKind;

class BudgetTablesUnitTests {

	private static final long TKR = Amounts.TKR;

	private static final Locale SV = Locale.forLanguageTag("sv");

	private final BudgetTables tables = tables(view -> "IT-center");

	/** The tables as the application renders them: their markup from the Thymeleaf fragments. */
	static BudgetTables tables(java.util.function.Function<VersionView, String> administration) {
		ResourceBundleMessageSource messages = messages();
		org.thymeleaf.templateresolver.ClassLoaderTemplateResolver resolver = new org.thymeleaf.templateresolver.ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setCharacterEncoding("UTF-8");
		org.thymeleaf.spring6.SpringTemplateEngine engine = new org.thymeleaf.spring6.SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		return new BudgetTables(messages, new se.paragraf.shared.text.Fragments(engine), administration);
	}

	static VersionView view(BudgetContent content) {
		return view(content, 2, "ver 1.0", VersionStatus.PROPOSED);
	}

	static VersionView view(BudgetContent content, int number, String label, VersionStatus status) {
		Board board = new Board("GSN", "Gemensamma Servicenämnden", BoardKind.JOINT, 1L, null);
		return new VersionView(board, 2024, number, label, status, null, null, 0, content);
	}

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/budget");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@Test
	void displayedActivityRowsAddUpToTheDisplayedTotalAndMarkTheAdjustedRow() {
		// Three activities of 1/3 tkr each: rounded alone they show 0, 0, 0 against a total of 1.
		BudgetContent content = BudgetContent.empty()
			.withActivities(List.of(new ActivityLine("030", "A", null, 0, 0, 33_333, null, null),
					new ActivityLine("031", "B", null, 0, 0, 33_333, null, null),
					new ActivityLine("032", "C", null, 0, 0, 33_334, null, null)), null, null);

		Document html = Jsoup.parse(this.tables.activities(view(content), SV));

		assertThat(html.select("table.budget-activities tbody tr").eachText()).containsExactly("030 A 0 0 0 0",
				"031 B 0 0 0 0", "032 C 0 0 1* 1*", "Gemensamma Servicenämnden 0 0 1 1");
		assertThat(html.select("td.rounding-adjusted").first().attr("title"))
			.isEqualTo("Exakt: 333,34 kr (avrundat så att summan stämmer)");
		assertThat(html.select("p.budget-note").text()).startsWith("Belopp i tkr. * Avrundat så att summan stämmer");
	}

	@Test
	void rendersTheSeedActivitiesWithTheirExactSums() {
		BudgetContent content = BudgetContent.empty()
			.withActivities(List.of(new ActivityLine("030", "Administration", 0L, -2901 * TKR, -3549 * TKR, 6450 * TKR, 0L, 0L),
					new ActivityLine("031", "Digitaliser. och Inno", 0L, -2144 * TKR, -2094 * TKR, 4237 * TKR, 0L, 0L)),
					0L, 0L);

		Document html = Jsoup.parse(this.tables.activities(view(content), SV));

		assertThat(html.select("tr.total").text()).isEqualTo("Gemensamma Servicenämnden 0 -5 045 -5 643 10 687 -1 0 0");
		assertThat(html.select("table.budget-frame tbody").text()).isEqualTo("0 0 1");
		assertThat(html.select("th[scope=col]").first().text()).isEqualTo("Verksamhet");
	}

	@Test
	void theDemoBudgetNetsEveryActivityToZeroAndKeepsTheSeedsTotals() {
		for (BudgetContent content : List.of(se.paragraf.demo.BudgetDemoAccess.earlier(),
				se.paragraf.demo.BudgetDemoAccess.proposed())) {
			assertThat(content.activities()).allSatisfy(activity -> assertThat(activity.net()).isZero());
			assertThat(content.net()).isZero();
			assertThat(content.deviation()).isZero();
			assertThat(DisplayRounding.round(content.externalRevenue(), TKR)).isEqualTo(-37_841);
			assertThat(DisplayRounding.round(content.internalRevenue(), TKR)).isEqualTo(-39_102);
			assertThat(DisplayRounding.round(content.cost(), TKR)).isEqualTo(76_944);
			assertThat(BudgetChecks.check(content)).isEmpty();
		}
	}

	@Test
	void theDemoActivitiesTableShowsTheSeedsTotalsZeroNetsAndMarksWhereRoundingMovedAUnit() {
		Document html = Jsoup.parse(this.tables.activities(view(se.paragraf.demo.BudgetDemoAccess.proposed()), SV));

		// The seed prints rows that miss its totals by 1 tkr in each column; here the rows add up,
		// and the one cell per column that rounding moved carries the mark.
		assertThat(html.select("table.budget-activities tbody tr").eachText()).containsExactly(
				"030 Administration 0 -2 901 -3 549 6 450 0 0 0",
				"031 Digitaliser. och Inno 0 -2 143* -2 094 4 237 0 0 0",
				"032 IT Arkitektur och tekn 0 -12 722 -14 863 27 585 0 0 0",
				"033 Stöd och support 0 -15 205 -18 111* 33 317* 0 0 0",
				"089 IT vidarefakturering 0 -4 870 -485 5 355 0 0 0",
				"Gemensamma Servicenämnden 0 -37 841 -39 102 76 944 0 0 0");
		assertThat(html.select("table.budget-frame tbody").text()).isEqualTo("0 0 0");
		assertThat(html.select("td.rounding-adjusted")).hasSize(3);
		assertThat(html.select("p.budget-note").text()).contains("* Avrundat så att summan stämmer");
		for (int column = 1; column <= 7; column++) {
			long sum = 0;
			for (org.jsoup.nodes.Element row : html.select("table.budget-activities tbody tr:not(.total)")) {
				sum += number(row.select("td").get(column - 1).text());
			}
			assertThat(sum).as("column %d", column)
				.isEqualTo(number(html.select("table.budget-activities tr.total td").get(column - 1).text()));
		}
	}

	@Test
	void theDemoCostTypeBridgeShowsTheSeedsRowsWithoutAdjustment() {
		Document html = Jsoup.parse(this.tables.costTypes(view(se.paragraf.demo.BudgetDemoAccess.proposed()), SV));

		assertThat(html.select("table.budget-costtypes tbody tr").eachText()).containsExactly(
				"Budget 2023 20 152 0 2 739 1 102 50 142 -74 135 0",
				"Kostnads/int-förändring 1 062 0 919 25 1 090 -1 705 1 391",
				"Verksamhetsförändring 1 256 0 0 0 -1 543 -1 104 -1 391",
				"Budget 2024 22 470 0 3 658 1 127 49 689 -76 944 0");
		assertThat(html.select("td.rounding-adjusted")).isEmpty();
	}

	private static long number(String shown) {
		return Long.parseLong(shown.replace("*", "").replace("\u00a0", "").replace(" ", ""));
	}

	@Test
	void computesTheEffectOfTheChangedPlanningAssumptionsFromPersonnelCost() {
		BudgetContent decided = se.paragraf.demo.BudgetDemoAccess.earlier();
		BudgetContent proposed = se.paragraf.demo.BudgetDemoAccess.proposed();

		assertThat(proposed.salaryIndexationEffect(2024)).hasValueSatisfying(
				effect -> assertThat(Amounts.msek(effect)).isEqualTo("1,0"));
		assertThat(decided.salaryIndexationEffect(2024)).contains(503_800_00L);
		String changes = Jsoup.parse(this.tables.changes(view(proposed), view(decided, 1, "beslut", VersionStatus.DECIDED), SV))
			.text();
		assertThat(changes).contains("från 2,5 % löneuppräkning och 44,56 % PO-pålägg till 4 % respektive 45,75 %")
			.contains("cirka 1,0 mSEK mot tidigare beräknade 0,5 mSEK")
			.contains("ökning med cirka 0,07 mSEK")
			.contains("ökning med 0,9 mSEK")
			.contains("minskning av övriga kostnader med 1,5 mSEK");
		assertThat(Jsoup.parse(this.tables.totals(view(proposed), SV)).text())
			.isEqualTo("Totala intäkter och kostnader: -76,9 mSEK respektive 76,9 mSEK.");
	}

	@Test
	void showsAMissingHeadcountAsNotKnown() {
		BudgetContent content = BudgetContent.empty()
			.withStaff(List.of(new StaffYear(2024, new BigDecimal("34.00"), 22470 * TKR), new StaffYear(2025, null, null)));

		Document html = Jsoup.parse(this.tables.staff(view(content), SV));

		assertThat(html.select("tbody tr").eachText()).containsExactly("Budget 2024 34,00 22 470",
				"Budget 2025 uppgift saknas");
	}

}
