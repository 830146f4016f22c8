package se.paragraf.proceedings;

import org.jspecify.annotations.Nullable;

/**
 * A dissent (reservation) against a decision; the written motivation may come until the minutes
 * are certified.
 */
public record Dissent(Long personId, @Nullable String motivation) {
}
