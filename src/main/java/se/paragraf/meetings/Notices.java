package se.paragraf.meetings;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Published notices, every version kept.
 */
public interface Notices extends JpaRepository<Notice, Long> {

	List<Notice> findByMeetingIdOrderByVersionNumberDesc(Long meetingId);

	Optional<Notice> findFirstByMeetingIdOrderByVersionNumberDesc(Long meetingId);

	Optional<Notice> findByMeetingIdAndVersionNumber(Long meetingId, int versionNumber);

}
