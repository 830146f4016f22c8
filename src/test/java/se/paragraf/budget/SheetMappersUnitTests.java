package se.paragraf.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Each sheet mapper alone, on a grid as the workbook or CSV reader hands it over. */
class SheetMappersUnitTests {

	private static final long TKR = Amounts.TKR;

	private final List<Finding> findings = new ArrayList<>();

	@Test
	void costTypesReadTheBridgeColumnsAndCompareThePrintedSumWithTheTypesThatCountInIt() {
		Cells cells = cells("Kostnadsslag", row("Enhet", "Total lönekostnad", "därav ej tillsvidare", "Lokalkostnad", "Summa"),
				row("Budget 2023", n(100), n(10), n(50), n(150)), row("Kostnads/int-förändring", n(5), null, n(1), n(6)),
				row("Verksamhetsförändring", n(2), n(1), null, n(9)), row("Budget 2024", n(107), n(11), n(51), n(158)));

		BudgetContent content = CostTypesSheet.read(cells, 2024, BudgetContent.empty());

		assertThat(content).isNotNull();
		assertThat(content.costTypes()).extracting(CostTypeLine::costType)
			.containsExactly(CostType.PERSONNEL, CostType.NON_PERMANENT, CostType.PREMISES);
		assertThat(content.costType(CostType.NON_PERMANENT))
			.contains(new CostTypeLine(CostType.NON_PERMANENT, 10 * TKR, 0, 1 * TKR, 11 * TKR));
		assertThat(this.findings).extracting(Finding::location, Finding::key)
			.containsExactly(tuple("Kostnadsslag!E4", "budget.import.totalDiffers"));
	}

	@Test
	void costTypesWithoutTheBudgetRowOfTheYearNameTheMissingRowAndReadNothing() {
		Cells cells = cells("Kostnadsslag", row("Enhet", "Kapitalkostnad"), row("Budget 2023", n(1)),
				row("Kostnads/int-förändring", n(0)), row("Verksamhetsförändring", n(0)));

		BudgetContent content = CostTypesSheet.read(cells, 2024, BudgetContent.empty());

		assertThat(content).isNull();
		assertThat(this.findings).extracting(Finding::location, Finding::key, Finding::arguments)
			.containsExactly(tuple("Kostnadsslag!A", "budget.import.missingRow", List.of("budget.import.row.budget", "2024")));
	}

	@Test
	void assumptionsNeedAYearAndAnOnCostRateOnEveryRowAndReportEachMissingCell() {
		Cells cells = cells("Antaganden", row("År", "Löneuppräkning %", "PO-pålägg %"), row(n(2024), "3,5", "31,42"),
				row(null, n(3), n(31)), row(n(2026), "", null));

		BudgetContent content = AssumptionsSheet.read(cells, BudgetContent.empty());

		assertThat(content).isNotNull();
		assertThat(content.assumptions()).containsExactly(new Assumption(2024, new BigDecimal("3.5"), new BigDecimal("31.42")));
		assertThat(this.findings).extracting(Finding::location, Finding::key)
			.containsExactly(tuple("Antaganden!A3", "budget.import.required"),
					tuple("Antaganden!C4", "budget.import.required"));
	}

	@Test
	void investmentsReadMsekAmountsAndTheCouncilDecisionAndKeepTextThatSpansLines() {
		Cells cells = cells("Investeringar", row("Projekt", "Benämning", "Investering 2024 (mSEK)"),
				row("P1", "Ny förskola\nvid torget", "1,5"), row("P2", null, n(2)), row("Beslut", null, "KF § 12"),
				row("Totalt", null, n(4)));

		BudgetContent content = InvestmentsSheet.read(cells, BudgetContent.empty());

		assertThat(content).isNotNull();
		assertThat(content.investments()).containsExactly(new Investment("P1", "Ny förskola\nvid torget", 1_500 * TKR),
				new Investment("P2", "P2", 2_000 * TKR));
		assertThat(content.councilDecision()).isEqualTo("KF § 12");
		assertThat(this.findings).extracting(Finding::location, Finding::key)
			.containsExactly(tuple("Investeringar!C5", "budget.import.totalDiffers"));
	}

	private Cells cells(String sheet, List<@Nullable Object>... rows) {
		return new Cells(new Grid(sheet, List.of(rows)), this.findings);
	}

	private static List<@Nullable Object> row(@Nullable Object... cells) {
		return Arrays.asList(cells);
	}

	private static BigDecimal n(long value) {
		return BigDecimal.valueOf(value);
	}

}
