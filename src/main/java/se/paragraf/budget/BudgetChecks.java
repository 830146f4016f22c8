package se.paragraf.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import se.paragraf.shared.InputLimits;

/**
 * The rules a budget version's data must keep, checked the same way for the pages, the API and the
 * import. Errors stop saving; warnings are reported and the data is saved as stated.
 */
public final class BudgetChecks {

	/** More permanent employees than this on one board is a number from another column. */
	static final BigDecimal MAX_HEADCOUNT = BigDecimal.valueOf(10_000);

	/** The lengths of the columns the texts are stored in. */
	static final int MAX_CODE = 20;

	static final int MAX_ACTIVITY_NAME = 200;

	static final int MAX_PROJECT_CODE = 200;

	static final int MAX_PROJECT_NAME = 500;

	static final int MAX_COUNCIL_DECISION = 500;

	private BudgetChecks() {
	}

	public static List<Finding> check(BudgetContent content) {
		List<Finding> findings = new ArrayList<>();
		// The sums below are only meaningful, and only safe from overflow, for amounts within the bound.
		boolean summable = amounts(content, findings) && totals(content, findings);
		activities(content, findings);
		if (summable) {
			costTypes(content, findings);
		}
		staff(content, findings);
		assumptions(content, findings);
		investments(content, findings);
		texts(content, findings);
		return findings;
	}

	public static boolean hasErrors(List<Finding> findings) {
		return findings.stream().anyMatch(Finding::isError);
	}

	/** Every amount within {@link Amounts#MAX_ORE} either way; false when one is not. */
	private static boolean amounts(BudgetContent content, List<Finding> findings) {
		int before = findings.size();
		for (int i = 0; i < content.activities().size(); i++) {
			ActivityLine line = content.activities().get(i);
			amount(findings, "activities", i + 1, "priorNet", line.priorNet());
			amount(findings, "activities", i + 1, "externalRevenue", line.externalRevenue());
			amount(findings, "activities", i + 1, "internalRevenue", line.internalRevenue());
			amount(findings, "activities", i + 1, "cost", line.cost());
			amount(findings, "activities", i + 1, "plan1Net", line.plan1Net());
			amount(findings, "activities", i + 1, "plan2Net", line.plan2Net());
		}
		for (int i = 0; i < content.costTypes().size(); i++) {
			CostTypeLine line = content.costTypes().get(i);
			amount(findings, "costTypes", i + 1, "prior", line.prior());
			amount(findings, "costTypes", i + 1, "priceChange", line.priceChange());
			amount(findings, "costTypes", i + 1, "activityChange", line.activityChange());
			amount(findings, "costTypes", i + 1, "budget", line.budget());
		}
		for (int i = 0; i < content.staff().size(); i++) {
			amount(findings, "staff", i + 1, "personnelCost", content.staff().get(i).personnelCost());
		}
		for (int i = 0; i < content.investments().size(); i++) {
			amount(findings, "investments", i + 1, "amount", content.investments().get(i).amount());
		}
		amount(findings, "frame", null, null, content.frame());
		amount(findings, "adjustedFrame", null, null, content.adjustedFrame());
		return findings.size() == before;
	}

	private static void amount(List<Finding> findings, String sheet, @Nullable Integer row, @Nullable String column,
			@Nullable Long ore) {
		if (ore != null && !Amounts.withinBound(ore)) {
			findings.add(Finding.error(sheet, row, column, "budget.check.amount.range", Amounts.exact(ore)));
		}
	}

	/** The totals exist: thousands of lines at the bound could still add up beyond what a long holds. */
	private static boolean totals(BudgetContent content, List<Finding> findings) {
		try {
			content.net();
			Math.addExact(content.externalRevenue(), content.internalRevenue());
			content.cost();
			content.investmentTotal();
			content.deviation();
			return true;
		}
		catch (ArithmeticException ex) {
			findings.add(Finding.error("activities", null, null, "budget.check.amount.total"));
			return false;
		}
	}

	private static void activities(BudgetContent content, List<Finding> findings) {
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < content.activities().size(); i++) {
			ActivityLine line = content.activities().get(i);
			if (line.code().isBlank()) {
				findings.add(Finding.error("activities", i + 1, "code", "budget.check.code.blank"));
			}
			else if (!codes.add(line.code())) {
				findings.add(Finding.error("activities", i + 1, "code", "budget.check.code.duplicate", line.code()));
			}
			if (line.name().isBlank()) {
				findings.add(Finding.error("activities", i + 1, "name", "budget.check.name.blank"));
			}
		}
	}

	private static void costTypes(BudgetContent content, List<Finding> findings) {
		Set<CostType> seen = new HashSet<>();
		long costs = 0;
		long revenues = 0;
		for (int i = 0; i < content.costTypes().size(); i++) {
			CostTypeLine line = content.costTypes().get(i);
			if (!seen.add(line.costType())) {
				findings.add(Finding.error("costTypes", i + 1, "costType", "budget.check.costtype.duplicate",
						line.costType()));
			}
			if (!line.bridgeAddsUp()) {
				findings.add(Finding.error("costTypes", i + 1, "budget", "budget.check.bridge", line.costType(),
						Amounts.exact(Math.addExact(Math.addExact(line.prior(), line.priceChange()), line.activityChange())),
						Amounts.exact(line.budget())));
			}
			if (line.costType() == CostType.REVENUE) {
				revenues += line.budget();
			}
			else if (line.costType().countsInSum()) {
				costs += line.budget();
			}
		}
		content.costType(CostType.NON_PERMANENT).ifPresent(part -> content.costType(CostType.PERSONNEL)
			.filter(personnel -> Math.abs(part.budget()) > Math.abs(personnel.budget()))
			.ifPresent(personnel -> findings.add(Finding.warning("costTypes", null, "NON_PERMANENT",
					"budget.check.nonpermanent.exceeds", Amounts.exact(part.budget()),
					Amounts.exact(personnel.budget())))));
		if (!content.costTypes().isEmpty() && !content.activities().isEmpty()) {
			if (costs != content.cost()) {
				findings.add(Finding.warning("costTypes", null, null, "budget.check.tables.costs",
						Amounts.exact(costs), Amounts.exact(content.cost())));
			}
			long activityRevenues = Math.addExact(content.externalRevenue(), content.internalRevenue());
			if (revenues != activityRevenues) {
				findings.add(Finding.warning("costTypes", null, null, "budget.check.tables.revenues",
						Amounts.exact(revenues), Amounts.exact(activityRevenues)));
			}
		}
	}

	private static void staff(BudgetContent content, List<Finding> findings) {
		Set<Integer> years = new HashSet<>();
		for (int i = 0; i < content.staff().size(); i++) {
			StaffYear year = content.staff().get(i);
			if (!years.add(year.year())) {
				findings.add(Finding.error("staff", i + 1, "year", "budget.check.year.duplicate", year.year()));
			}
			BigDecimal headcount = year.headcount();
			if (headcount != null && headcountProblem(headcount, content) != null) {
				findings.add(Finding.error("staff", i + 1, "headcount", headcountProblem(headcount, content),
						headcount.toPlainString(), year.year()));
			}
		}
	}

	/**
	 * Why a headcount cannot be one, or null: negative, fractions below hundredths, more people than any
	 * board has, or the very figure of a personnel cost in tkr (a column shifted in the spreadsheet).
	 */
	static @Nullable String headcountProblem(BigDecimal headcount, BudgetContent content) {
		if (headcount.signum() < 0 || headcount.stripTrailingZeros().scale() > 2) {
			return "budget.check.headcount.invalid";
		}
		if (headcount.compareTo(MAX_HEADCOUNT) > 0) {
			return "budget.check.headcount.implausible";
		}
		boolean looksLikeCost = headcount.compareTo(BigDecimal.valueOf(100)) >= 0 && content.staff()
			.stream()
			.map(StaffYear::personnelCost)
			.filter(java.util.Objects::nonNull)
			.anyMatch(cost -> BigDecimal.valueOf(cost).movePointLeft(5).compareTo(headcount) == 0);
		return looksLikeCost ? "budget.check.headcount.implausible" : null;
	}

	private static void assumptions(BudgetContent content, List<Finding> findings) {
		Set<Integer> years = new HashSet<>();
		BigDecimal hundred = BigDecimal.valueOf(100);
		for (int i = 0; i < content.assumptions().size(); i++) {
			Assumption assumption = content.assumptions().get(i);
			if (!years.add(assumption.year())) {
				findings.add(Finding.error("assumptions", i + 1, "year", "budget.check.year.duplicate",
						assumption.year()));
			}
			BigDecimal index = assumption.salaryIndexation();
			if (index != null && index.abs().compareTo(hundred) > 0) {
				findings.add(Finding.error("assumptions", i + 1, "salaryIndexation", "budget.check.percent",
						index.toPlainString()));
			}
			if (assumption.payrollOnCost().signum() < 0 || assumption.payrollOnCost().compareTo(hundred) > 0) {
				findings.add(Finding.error("assumptions", i + 1, "payrollOnCost", "budget.check.percent",
						assumption.payrollOnCost().toPlainString()));
			}
		}
	}

	private static void investments(BudgetContent content, List<Finding> findings) {
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < content.investments().size(); i++) {
			Investment project = content.investments().get(i);
			if (project.projectCode().isBlank()) {
				findings.add(Finding.error("investments", i + 1, "projectCode", "budget.check.code.blank"));
			}
			else if (!codes.add(project.projectCode())) {
				findings.add(Finding.error("investments", i + 1, "projectCode", "budget.check.code.duplicate",
						project.projectCode()));
			}
			if (project.amount() < 0) {
				findings.add(Finding.error("investments", i + 1, "amount", "budget.check.investment.negative",
						Amounts.exact(project.amount())));
			}
		}
	}

	/**
	 * Texts fit their columns and hold no control characters, whether typed, sent or read from a
	 * spreadsheet: the database would refuse them with an error the user cannot act on.
	 */
	private static void texts(BudgetContent content, List<Finding> findings) {
		for (int i = 0; i < content.activities().size(); i++) {
			ActivityLine line = content.activities().get(i);
			text(findings, "activities", i + 1, "code", line.code(), MAX_CODE);
			text(findings, "activities", i + 1, "name", line.name(), MAX_ACTIVITY_NAME);
		}
		for (int i = 0; i < content.investments().size(); i++) {
			Investment project = content.investments().get(i);
			text(findings, "investments", i + 1, "projectCode", project.projectCode(), MAX_PROJECT_CODE);
			text(findings, "investments", i + 1, "name", project.name(), MAX_PROJECT_NAME);
		}
		text(findings, "councilDecision", null, null, content.councilDecision(), MAX_COUNCIL_DECISION);
	}

	private static void text(List<Finding> findings, String sheet, @Nullable Integer row, @Nullable String column,
			@Nullable String value, int max) {
		if (value == null) {
			return;
		}
		if (value.length() > max) {
			findings.add(Finding.error(sheet, row, column, "budget.check.text.tooLong", max));
		}
		else if (InputLimits.hasControlCharacters(value)) {
			findings.add(Finding.error(sheet, row, column, InputLimits.CONTROL_CHARACTERS));
		}
	}

}
