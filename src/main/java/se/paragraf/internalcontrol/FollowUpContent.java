package se.paragraf.internalcontrol;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a follow-up says, as the form and the API send it.
 */
public record FollowUpContent(boolean performed, @Nullable FollowUpResult result, @Nullable String remark,
		LocalDate date, List<Measure> measures) {
}
