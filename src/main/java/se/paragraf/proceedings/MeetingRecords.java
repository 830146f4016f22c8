package se.paragraf.proceedings;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;

import se.paragraf.meetings.RecordLookup;
import se.paragraf.meetings.RecordState;

/**
 * The records of held meetings, one per meeting; also what meetings' planning reads of them.
 */
interface MeetingRecords extends JpaRepository<MeetingRecord, Long>, RecordLookup {

	Optional<MeetingRecord> findByMeetingId(Long meetingId);

	@Override
	default @Nullable RecordState stateOf(Long meetingId) {
		return findByMeetingId(meetingId).map(MeetingRecord::getState).orElse(null);
	}

	@Override
	default boolean decides(Long meetingId, Long agendaItemId) {
		return findByMeetingId(meetingId).flatMap(r -> r.decisionOn(agendaItemId)).isPresent();
	}

}
