package se.paragraf.proceedings.allowances;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

/**
 * A board's allowance rules as the secretary sets them, in minutes. A substitutes' box left
 * unticked (or left out of the JSON) means that substitutes who did not serve get no allowance.
 */
public record RulesInput(
		@NotNull(message = "{allowances.minimum.required}") @Min(value = 0, message = "{allowances.minutes.range}") @Max(value = 1440,
				message = "{allowances.minutes.range}") @Nullable Integer minimumMinutes,
		@NotNull(message = "{allowances.fullDay.required}") @Min(value = 1, message = "{allowances.minutes.range}") @Max(value = 1440,
				message = "{allowances.minutes.range}") @Nullable Integer fullDayMinutes,
		@Nullable Boolean substitutesNotServingCount) {

	static RulesInput of(AllowanceRules rules) {
		return new RulesInput(rules.getMinimumMinutes(), rules.getFullDayMinutes(), rules.isSubstitutesNotServingCount());
	}

	/** The full-day threshold cannot lie below the minimum: no attendance would be a half day. */
	@AssertTrue(message = "{allowances.fullDay.belowMinimum}")
	public boolean isFullDayFromMinimum() {
		return this.minimumMinutes == null || this.fullDayMinutes == null || this.fullDayMinutes >= this.minimumMinutes;
	}

	int minimum() {
		return java.util.Objects.requireNonNull(this.minimumMinutes);
	}

	int fullDay() {
		return java.util.Objects.requireNonNull(this.fullDayMinutes);
	}

	boolean substitutesCount() {
		return Boolean.TRUE.equals(this.substitutesNotServingCount);
	}

}
