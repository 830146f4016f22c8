package se.paragraf.proceedings;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import se.paragraf.meetings.RecordLookup;
import se.paragraf.meetings.RecordState;

/**
 * The records of held meetings, one per meeting; also what meetings' planning reads of them.
 */
interface MeetingRecords extends JpaRepository<MeetingRecord, Long>, RecordLookup {

	Optional<MeetingRecord> findByMeetingId(Long meetingId);

	/** Only the state: the meeting page asks on every view, and a record loads its decisions and attendance. */
	@Query("select r.state from MeetingRecord r where r.meetingId = :meetingId")
	Optional<RecordState> findStateByMeetingId(Long meetingId);

	@Override
	default @Nullable RecordState stateOf(Long meetingId) {
		return findStateByMeetingId(meetingId).orElse(null);
	}

	@Override
	default boolean decides(Long meetingId, Long agendaItemId) {
		return findByMeetingId(meetingId).flatMap(r -> r.decisionOn(agendaItemId)).isPresent();
	}

}
