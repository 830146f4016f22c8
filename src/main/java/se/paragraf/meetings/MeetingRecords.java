package se.paragraf.meetings;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The records of held meetings, one per meeting.
 */
public interface MeetingRecords extends JpaRepository<MeetingRecord, Long> {

	Optional<MeetingRecord> findByMeetingId(Long meetingId);

}
