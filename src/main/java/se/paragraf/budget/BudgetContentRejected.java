package se.paragraf.budget;

import java.util.List;

import se.paragraf.shared.RuleViolation;

/**
 * Budget data broke one or more rules; nothing was saved. Carries every failed check.
 */
public class BudgetContentRejected extends RuleViolation {

	private final List<Finding> findings;

	public BudgetContentRejected(List<Finding> findings) {
		super("budget.check.rejected", findings.stream().filter(Finding::isError).count());
		this.findings = List.copyOf(findings);
	}

	public List<Finding> findings() {
		return this.findings;
	}

}
