package se.paragraf.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One project of the investment budget for the budget year, in öre.
 */
@Embeddable
public record Investment(@Column(name = "project_code", nullable = false) String projectCode,
		@Column(name = "name", nullable = false) String name,
		@Column(name = "amount_ore", nullable = false) long amount) {
}
