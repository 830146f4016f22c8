package se.paragraf.proceedings.live;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LiveSessions extends JpaRepository<LiveSession, Long> {

	/**
	 * Moves the room's counter. The row stays locked to the end of the transaction, so changes to one
	 * room (a member's ballot among them) happen one after the other.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = false)
	@Query("update LiveSession s set s.sequence = s.sequence + 1, s.changedAt = ?2 where s.meetingId = ?1")
	int touch(Long meetingId, LocalDateTime at);

	@Query("select s.meetingId, s.sequence from LiveSession s where s.meetingId in ?1")
	List<Object[]> sequences(Collection<Long> meetingIds);

}
