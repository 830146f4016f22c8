package se.paragraf.budget;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.jspecify.annotations.Nullable;

/**
 * Permanent employees (headcount, FTE with two decimals) and personnel cost in öre for one year;
 * either may be unknown.
 */
@Embeddable
public record StaffYear(@Column(name = "staff_year", nullable = false) int year,
		@Column(name = "headcount", precision = 9, scale = 2) @Nullable BigDecimal headcount,
		@Column(name = "personnel_cost_ore") @Nullable Long personnelCost) {

	/** Headcounts keep two decimals, as stored; finer fractions are left for the checks to refuse. */
	public StaffYear {
		if (headcount != null && headcount.scale() < 2) {
			headcount = headcount.setScale(2);
		}
	}

}
