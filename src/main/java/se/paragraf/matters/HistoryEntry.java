package se.paragraf.matters;

import java.time.Instant;

/**
 * One change in a matter's history: when, by whom, and what (a message key).
 */
public record HistoryEntry(Instant when, String who, String what) {
}
