package se.paragraf.proceedings;

import org.jspecify.annotations.Nullable;

/**
 * One person's attendance: how they attend, the member a substitute serves for, and the agenda
 * items they are there for (arrival at {@code fromItem}, departure after {@code toItem}; none means
 * the whole meeting).
 */
public record Attendance(Long personId, Presence presence, @Nullable Long servingForPersonId,
		@Nullable Integer fromItem, @Nullable Integer toItem) {

	/** Whether the person is there when the item with this number is handled. */
	public boolean covers(int itemNumber) {
		return this.presence.isPresent() && (this.fromItem == null || this.fromItem <= itemNumber)
				&& (this.toItem == null || itemNumber <= this.toItem);
	}

	/** Whether the person came late or left early. */
	public boolean isPartial() {
		return this.presence.isPresent() && (this.fromItem != null || this.toItem != null);
	}

}
