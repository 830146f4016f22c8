package se.paragraf.meetings;

import org.jspecify.annotations.Nullable;

/**
 * What planning must know of a meeting's record, which the proceedings module keeps: how far the
 * record has come (a meeting under way can no longer be planned) and whether it decides an item
 * (a decided item stays on the agenda). Implemented by proceedings, so that meetings asks without
 * depending on it.
 */
public interface RecordLookup {

	/** Where the meeting's record stands, or null before recording begins. */
	@Nullable RecordState stateOf(Long meetingId);

	/** Whether the meeting's record holds a decision on the agenda item. */
	boolean decides(Long meetingId, Long agendaItemId);

}
