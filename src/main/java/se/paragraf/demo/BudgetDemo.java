package se.paragraf.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import se.paragraf.budget.ActivityLine;
import se.paragraf.budget.Assumption;
import se.paragraf.budget.BudgetContent;
import se.paragraf.budget.BudgetManagement;
import se.paragraf.budget.CostType;
import se.paragraf.budget.CostTypeLine;
import se.paragraf.budget.Investment;
import se.paragraf.budget.StaffYear;

/**
 * The seed's Detaljbudget 2024 for GSN as data: version 1, the earlier decided budget the seed
 * compares with (reconstructed from the differences item 3 describes: 2.5 % indexation and 44.56 %
 * on-cost, capital cost 0.9 mSEK lower, no cut in other costs, the same totals), and version 2,
 * "ver 1.0", the proposal printed in the seed's tables.
 */
@Component
@Profile("demo")
class BudgetDemo implements DemoStep {

	static final int YEAR = 2024;

	/** öre in a krona: the demo's amounts are whole kronor. */
	private static final long ORE = 100L;

	private static final String COUNCIL = "KF Ludvika: investeringsbudget 2024 enligt GSN:s äskanden i ärende GSN2023/4";

	private final BudgetManagement budgets;

	BudgetDemo(BudgetManagement budgets) {
		this.budgets = budgets;
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public void load() {
		var decided = this.budgets.createVersion(DemoData.BOARD, YEAR, "Budget 2024 enligt nämndens beslut i ärende GSN2023/4",
				null, earlier());
		this.budgets.decide(DemoData.BOARD, YEAR, decided.number(), decided.lockVersion(), "GSN 2023-06-13, ärende GSN2023/4",
				LocalDate.of(2023, 6, 13));
		var proposal = this.budgets.createVersion(DemoData.BOARD, YEAR, "Gemensamma Servicenämnden bud 2024 ver 1.0",
				decided.number(), proposed());
		this.budgets.propose(DemoData.BOARD, YEAR, proposal.number(), proposal.lockVersion());
	}

	/**
	 * Version 1.0 in kronor: every activity nets to exactly 0 (the IT-center charges out all it costs),
	 * each amount rounds to the tkr the seed prints for its row, and the column totals round to the
	 * seed's totals (-37 841, -39 102, 76 944 tkr). The seed's own rows, rounded one by one, miss those
	 * totals by 1 tkr; the tables show where the rounding put that unit.
	 */
	public static BudgetContent proposed() {
		List<ActivityLine> activities = List.of(activity("030", "Administration", -2_900_936, -3_549_087),
				activity("031", "Digitaliser. och Inno", -2_143_588, -2_093_629),
				activity("032", "IT Arkitektur och tekn", -12_722_214, -14_862_842),
				activity("033", "Stöd och support", -15_204_653, -18_111_564),
				activity("089", "IT vidarefakturering", -4_869_909, -485_140));
		List<CostTypeLine> costTypes = List.of(bridge(CostType.PERSONNEL, 20_152_000, 1_062_000, 1_255_812),
				bridge(CostType.NON_PERMANENT, 0, 0, 0), bridge(CostType.CAPITAL, 2_739_000, 918_904, 0),
				bridge(CostType.PREMISES, 1_102_000, 25_000, 0), bridge(CostType.OTHER, 50_142_000, 1_090_000, -1_543_154),
				bridge(CostType.REVENUE, -74_135_000, -1_705_000, -1_103_562));
		return new BudgetContent(activities, costTypes, staff(22_469_812), assumptions("4", "45.75"), investments(), 0L,
				0L, COUNCIL);
	}

	/**
	 * The earlier decision: the same totals, 0.1 mSEK more external revenue on 030 and less on 032,
	 * 2.5 % and 44.56 %, capital cost not yet recalculated, no cut in other costs.
	 */
	public static BudgetContent earlier() {
		List<ActivityLine> activities = List.of(activity("030", "Administration", -2_800_936, -3_649_087),
				activity("031", "Digitaliser. och Inno", -2_143_588, -2_093_629),
				activity("032", "IT Arkitektur och tekn", -12_822_214, -14_762_842),
				activity("033", "Stöd och support", -15_204_653, -18_111_564),
				activity("089", "IT vidarefakturering", -4_869_909, -485_140));
		List<CostTypeLine> costTypes = List.of(bridge(CostType.PERSONNEL, 20_152_000, 504_000, 1_185_812),
				bridge(CostType.NON_PERMANENT, 0, 0, 0), bridge(CostType.CAPITAL, 2_739_000, 0, 0),
				bridge(CostType.PREMISES, 1_102_000, 25_000, 0), bridge(CostType.OTHER, 50_142_000, 1_090_000, 3_750),
				bridge(CostType.REVENUE, -74_135_000, -1_705_000, -1_103_562));
		return new BudgetContent(activities, costTypes, staff(21_841_812), assumptions("2.5", "44.56"), investments(), 0L,
				0L, COUNCIL);
	}

	/** An activity whose cost is exactly its revenues: net 0, in kronor. */
	private static ActivityLine activity(String code, String name, long externalKronor, long internalKronor) {
		long cost = -(externalKronor + internalKronor);
		return new ActivityLine(code, name, 0L, externalKronor * ORE, internalKronor * ORE, cost * ORE, 0L, 0L);
	}

	/** A cost type's bridge in kronor; this year's budget is the sum, as the bridge requires. */
	private static CostTypeLine bridge(CostType type, long prior, long price, long activity) {
		return new CostTypeLine(type, prior * ORE, price * ORE, activity * ORE, (prior + price + activity) * ORE);
	}

	/** The seed's 2025 and 2026 headcounts print a personnel cost (a shifted column): not known. */
	private static List<StaffYear> staff(long personnelCost2024) {
		return List.of(new StaffYear(2023, new BigDecimal("32.00"), 20_152_000 * ORE),
				new StaffYear(2024, new BigDecimal("34.00"), personnelCost2024 * ORE), new StaffYear(2025, null, null),
				new StaffYear(2026, null, null));
	}

	/** 2023 carries only the on-cost its budget was calculated with, the base of 2024's indexation. */
	private static List<Assumption> assumptions(String indexation, String onCost) {
		return List.of(new Assumption(2023, null, new BigDecimal("44.56")),
				new Assumption(YEAR, new BigDecimal(indexation), new BigDecimal(onCost)));
	}

	private static List<Investment> investments() {
		return List.of(project("O365 digital arbetsplats", 10), project("Gemensam identitetsplattform", 5),
				project("Säkerhet", 10), project("Dokument och ärendehanteringssystem IT", 1),
				project("IT-infrastruktur för digitalisering", 10), project("Upprustning av Ludvika kommuns nät", 30),
				project("Uppdaterad basfunktionalitet", 10));
	}

	private static Investment project(String name, long tenthsOfMsek) {
		return new Investment(name, name, tenthsOfMsek * 10_000_000L);
	}

}
