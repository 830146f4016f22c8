package se.paragraf.proceedings;

import org.jspecify.annotations.Nullable;

/**
 * A proposal put to the board on an item: the administration's proposed resolution (no mover) or a
 * motion by a named member (yrkande).
 */
public record Proposal(@Nullable Long moverPersonId, String text) {
}
