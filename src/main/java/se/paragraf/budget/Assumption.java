package se.paragraf.budget;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.jspecify.annotations.Nullable;

/**
 * The planning assumptions of one year in percent: salary indexation (löneuppräkning) and payroll
 * on-cost (PO-pålägg), e.g. 4.0 and 45.75. The prior year may carry only the on-cost its budget
 * was calculated with, the base of the next year's indexation.
 */
@Embeddable
public record Assumption(@Column(name = "assumption_year", nullable = false) int year,
		@Column(name = "salary_indexation", precision = 7, scale = 4) @Nullable BigDecimal salaryIndexation,
		@Column(name = "payroll_on_cost", nullable = false, precision = 7, scale = 4) BigDecimal payrollOnCost) {

	/** Four decimals, as stored, so that a version reads back equal to what was written. */
	public Assumption {
		salaryIndexation = salaryIndexation == null ? null : salaryIndexation.setScale(4, java.math.RoundingMode.HALF_UP);
		payrollOnCost = payrollOnCost.setScale(4, java.math.RoundingMode.HALF_UP);
	}

}
