package se.paragraf.matters;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One change in a matter's history: when, by whom, and what (a message key, with its one argument
 * where the change has a detail, such as the legal ground of a secrecy mark).
 */
public record HistoryEntry(Instant when, String who, String what, @Nullable String detail) {

	public HistoryEntry(Instant when, String who, String what) {
		this(when, who, what, null);
	}

}
