package se.paragraf.proceedings.live;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CheckIns extends JpaRepository<CheckIn, Long> {

	List<CheckIn> findByMeetingIdOrderByCheckedInAt(Long meetingId);

	Optional<CheckIn> findByMeetingIdAndPersonId(Long meetingId, Long personId);

}
