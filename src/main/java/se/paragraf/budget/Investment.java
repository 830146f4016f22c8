package se.paragraf.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;

/**
 * One project of the investment budget for the budget year, in öre.
 */
@Embeddable
public record Investment(@Column(name = "project_code", nullable = false) @Size(max = 200) String projectCode,
		@Column(name = "name", nullable = false) @Size(max = 500) String name,
		@Column(name = "amount_ore", nullable = false) long amount) {
}
