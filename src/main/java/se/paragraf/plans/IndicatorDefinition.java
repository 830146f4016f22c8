package se.paragraf.plans;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What defines an indicator, as the form and the API send it.
 */
public record IndicatorDefinition(String name, IndicatorSource source, @Nullable String koladaKpi,
		@Nullable String unit, Direction direction, @Nullable BigDecimal baseline, @Nullable BigDecimal target) {

	/** An indicator measured by the administration itself, with no unit or target yet. */
	public static IndicatorDefinition internal(String name) {
		return new IndicatorDefinition(name, IndicatorSource.INTERNAL, null, null, Direction.INCREASE, null, null);
	}

}
