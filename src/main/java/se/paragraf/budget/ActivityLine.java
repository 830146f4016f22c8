package se.paragraf.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * One activity (verksamhet) of a budget version in öre: revenues are negative, costs positive, and the
 * net cost is their sum, never stored separately. The prior year's net and the two plan years' nets
 * are optional.
 */
@Embeddable
public record ActivityLine(@Column(name = "code", nullable = false) @Size(max = 20) String code,
		@Column(name = "name", nullable = false) @Size(max = 200) String name,
		@Column(name = "prior_net_ore") @Nullable Long priorNet,
		@Column(name = "external_revenue_ore", nullable = false) long externalRevenue,
		@Column(name = "internal_revenue_ore", nullable = false) long internalRevenue,
		@Column(name = "cost_ore", nullable = false) long cost,
		@Column(name = "plan1_net_ore") @Nullable Long plan1Net,
		@Column(name = "plan2_net_ore") @Nullable Long plan2Net) {

	/** Net cost = revenues + costs. */
	public long net() {
		return Math.addExact(Math.addExact(this.externalRevenue, this.internalRevenue), this.cost);
	}

	/** The code and name as the tables print them: "030 Administration". */
	public String label() {
		return this.code + " " + this.name;
	}

}
