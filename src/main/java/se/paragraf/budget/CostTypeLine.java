package se.paragraf.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The bridge of one cost type in öre: prior-year budget + price-and-cost change + activity change =
 * this year's budget. All four are data (they come from the economist), so the sum is checked.
 */
@Embeddable
public record CostTypeLine(@Enumerated(EnumType.STRING) @Column(name = "cost_type", nullable = false) CostType costType,
		@Column(name = "prior_ore", nullable = false) long prior,
		@Column(name = "price_change_ore", nullable = false) long priceChange,
		@Column(name = "activity_change_ore", nullable = false) long activityChange,
		@Column(name = "budget_ore", nullable = false) long budget) {

	public boolean bridgeAddsUp() {
		return Math.addExact(Math.addExact(this.prior, this.priceChange), this.activityChange) == this.budget;
	}

}
