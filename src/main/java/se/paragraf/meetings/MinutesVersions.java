package se.paragraf.meetings;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Every version of every meeting's minutes.
 */
public interface MinutesVersions extends JpaRepository<Minutes, Long> {

	List<Minutes> findByMeetingIdOrderByVersionNumberDesc(Long meetingId);

	Optional<Minutes> findFirstByMeetingIdOrderByVersionNumberDesc(Long meetingId);

	Optional<Minutes> findByMeetingIdAndVersionNumber(Long meetingId, int versionNumber);

	List<Minutes> findByState(MinutesState state);

}
