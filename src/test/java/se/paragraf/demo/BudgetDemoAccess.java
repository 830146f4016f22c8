package se.paragraf.demo;

import se.paragraf.budget.BudgetContent;

/** The demo's seed budget for tests in other packages. */
public final class BudgetDemoAccess {

	private BudgetDemoAccess() {
	}

	public static BudgetContent proposed() {
		return BudgetDemo.proposed();
	}

	public static BudgetContent earlier() {
		return BudgetDemo.earlier();
	}

}
