package se.paragraf.proceedings;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Every version of every meeting's minutes.
 */
interface MinutesVersions extends JpaRepository<Minutes, Long> {

	List<Minutes> findByMeetingIdOrderByVersionNumberDesc(Long meetingId);

	Optional<Minutes> findFirstByMeetingIdOrderByVersionNumberDesc(Long meetingId);

	Optional<Minutes> findByMeetingIdAndVersionNumber(Long meetingId, int versionNumber);

	List<Minutes> findByState(MinutesState state);

	@Query("select distinct m.meetingId from Minutes m where m.meetingId in :meetingIds and m.state = :state")
	Set<Long> meetingsWithMinutesIn(@Param("meetingIds") Collection<Long> meetingIds, @Param("state") MinutesState state);

}
