package se.paragraf.meetings;

import java.util.List;
import java.util.Optional;

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

	@Query("select count(n) > 0 from Notice n join n.matterIds m where m = :matterId")
	boolean carriedMatter(@Param("matterId") Long matterId);

	@Query("select count(n) > 0 from Notice n join n.attachmentIds a where a = :attachmentId")
	boolean carriedAttachment(@Param("attachmentId") Long attachmentId);

}
