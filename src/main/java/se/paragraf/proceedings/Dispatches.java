package se.paragraf.proceedings;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The record of every dispatch.
 */
interface Dispatches extends JpaRepository<Dispatch, Long> {

	List<Dispatch> findByMeetingIdOrderBySectionNumberAscIdAsc(Long meetingId);

	List<Dispatch> findByMatterIdOrderByDispatchedAtAsc(Long matterId);

	boolean existsByMinutesId(Long minutesId);

}
