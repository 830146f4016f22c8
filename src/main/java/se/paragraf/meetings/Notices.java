package se.paragraf.meetings;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Published notices, every version kept.
 */
public interface Notices extends JpaRepository<Notice, Long> {

	List<Notice> findByMeetingIdOrderByVersionNumberDesc(Long meetingId);

	Optional<Notice> findFirstByMeetingIdOrderByVersionNumberDesc(Long meetingId);

	Optional<Notice> findByMeetingIdAndVersionNumber(Long meetingId, int versionNumber);

	@Query("select distinct n.meetingId from Notice n where n.meetingId in :meetingIds")
	Set<Long> meetingsWithNotices(@Param("meetingIds") Collection<Long> meetingIds);

	@Query("select count(n) > 0 from Notice n join n.matterIds m where m = :matterId")
	boolean carriedMatter(@Param("matterId") Long matterId);

	@Query("select count(n) > 0 from Notice n join n.attachmentIds a where a = :attachmentId")
	boolean carriedAttachment(@Param("attachmentId") Long attachmentId);

}
