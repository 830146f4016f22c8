package se.paragraf.proceedings.live;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface LiveVotes extends JpaRepository<LiveVote, Long> {

	Optional<LiveVote> findFirstByMeetingIdAndClosedAtIsNull(Long meetingId);

	Optional<LiveVote> findFirstByMeetingIdAndAgendaItemIdOrderByIdDesc(Long meetingId, Long agendaItemId);

	List<LiveVote> findByMeetingId(Long meetingId);

}
