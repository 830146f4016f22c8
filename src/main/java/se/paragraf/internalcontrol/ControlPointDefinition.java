package se.paragraf.internalcontrol;

import org.jspecify.annotations.Nullable;

/**
 * What defines a control point, as the form and the API send it.
 */
public record ControlPointDefinition(String question, @Nullable Long riskId, String method, String frequency,
		@Nullable Long responsiblePersonId, String responsible, String reportsTo) {
}
