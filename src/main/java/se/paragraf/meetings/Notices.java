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

	/**
	 * The newest notice of each meeting that may list the matter: one with the matter on its agenda, or
	 * whose newest notice carried the matter's documents. One query, however many meetings there are.
	 */
	@Query("""
			select n from Notice n
			where n.versionNumber = (select max(o.versionNumber) from Notice o where o.meetingId = n.meetingId)
			and (n.meetingId in (select m.id from Meeting m join m.agenda i where i.matterId = :matterId)
				or :matterId member of n.matterIds)""")
	List<Notice> newestMentioning(@Param("matterId") Long matterId);

	@Query("select count(n) > 0 from Notice n join n.matterIds m where m = :matterId")
	boolean carriedMatter(@Param("matterId") Long matterId);

	@Query("select count(n) > 0 from Notice n join n.attachmentIds a where a = :attachmentId")
	boolean carriedAttachment(@Param("attachmentId") Long attachmentId);

}
