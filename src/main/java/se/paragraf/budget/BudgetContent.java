package se.paragraf.budget;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The data of one budget version, detached from persistence: what import produces, the API carries,
 * the checks examine and the tables render. Amounts are öre; totals are exact or an {@link ArithmeticException},
 * never wrapped.
 */
public record BudgetContent(List<ActivityLine> activities, List<CostTypeLine> costTypes, List<StaffYear> staff,
		List<Assumption> assumptions, List<Investment> investments, @Nullable Long frame,
		@Nullable Long adjustedFrame, @Nullable String councilDecision) {

	public BudgetContent {
		activities = List.copyOf(activities);
		costTypes = List.copyOf(costTypes);
		staff = List.copyOf(staff);
		assumptions = List.copyOf(assumptions);
		investments = List.copyOf(investments);
	}

	public static BudgetContent empty() {
		return new BudgetContent(List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null);
	}

	public long externalRevenue() {
		return Amounts.sum(this.activities.stream().mapToLong(ActivityLine::externalRevenue));
	}

	public long internalRevenue() {
		return Amounts.sum(this.activities.stream().mapToLong(ActivityLine::internalRevenue));
	}

	public long cost() {
		return Amounts.sum(this.activities.stream().mapToLong(ActivityLine::cost));
	}

	public long net() {
		return Amounts.sum(this.activities.stream().mapToLong(ActivityLine::net));
	}

	/** Deviation = adjusted frame − net cost; unknown without an adjusted frame. */
	public @Nullable Long deviation() {
		return this.adjustedFrame == null ? null : Math.subtractExact(this.adjustedFrame, net());
	}

	public long investmentTotal() {
		return Amounts.sum(this.investments.stream().mapToLong(Investment::amount));
	}

	public Optional<CostTypeLine> costType(CostType type) {
		return this.costTypes.stream().filter(line -> line.costType() == type).findFirst();
	}

	public Optional<StaffYear> staffIn(int year) {
		return this.staff.stream().filter(s -> s.year() == year).findFirst();
	}

	public Optional<Assumption> assumptionFor(int year) {
		return this.assumptions.stream().filter(a -> a.year() == year).findFirst();
	}

	/**
	 * The effect of the year's planning assumptions on personnel cost, in öre: the prior year's
	 * personnel cost, indexed by the salary indexation and moved from the prior year's payroll on-cost
	 * to this year's: base × ((1 + index) × (1 + on-cost) / (1 + prior on-cost) − 1). Without a prior
	 * on-cost the base keeps its own.
	 */
	public Optional<Long> salaryIndexationEffect(int year) {
		Optional<Assumption> assumption = assumptionFor(year);
		@Nullable Long base = costType(CostType.PERSONNEL).map(CostTypeLine::prior)
			.orElseGet(() -> staffIn(year - 1).map(StaffYear::personnelCost).orElse(null));
		if (assumption.isEmpty() || assumption.get().salaryIndexation() == null || base == null) {
			return Optional.empty();
		}
		java.math.MathContext precision = java.math.MathContext.DECIMAL128;
		java.math.BigDecimal hundred = java.math.BigDecimal.valueOf(100);
		java.math.BigDecimal onCost = java.math.BigDecimal.ONE.add(assumption.get().payrollOnCost().divide(hundred, precision));
		java.math.BigDecimal priorOnCost = assumptionFor(year - 1)
			.map(prior -> java.math.BigDecimal.ONE.add(prior.payrollOnCost().divide(hundred, precision)))
			.orElse(onCost);
		java.math.BigDecimal index = java.math.BigDecimal.ONE
			.add(assumption.get().salaryIndexation().divide(hundred, precision));
		java.math.BigDecimal factor = index.multiply(onCost, precision).divide(priorOnCost, precision)
			.subtract(java.math.BigDecimal.ONE);
		return Optional.of(java.math.BigDecimal.valueOf(base).multiply(factor, precision)
			.setScale(0, java.math.RoundingMode.HALF_UP)
			.longValueExact());
	}

	public BudgetContent withActivities(List<ActivityLine> lines, @Nullable Long frame, @Nullable Long adjustedFrame) {
		return new BudgetContent(lines, this.costTypes, this.staff, this.assumptions, this.investments, frame,
				adjustedFrame, this.councilDecision);
	}

	public BudgetContent withCostTypes(List<CostTypeLine> lines) {
		return new BudgetContent(this.activities, lines, this.staff, this.assumptions, this.investments, this.frame,
				this.adjustedFrame, this.councilDecision);
	}

	public BudgetContent withStaff(List<StaffYear> years) {
		return new BudgetContent(this.activities, this.costTypes, years, this.assumptions, this.investments,
				this.frame, this.adjustedFrame, this.councilDecision);
	}

	public BudgetContent withAssumptions(List<Assumption> years) {
		return new BudgetContent(this.activities, this.costTypes, this.staff, years, this.investments, this.frame,
				this.adjustedFrame, this.councilDecision);
	}

	public BudgetContent withInvestments(List<Investment> projects, @Nullable String decision) {
		return new BudgetContent(this.activities, this.costTypes, this.staff, this.assumptions, projects, this.frame,
				this.adjustedFrame, decision);
	}

}
