package se.paragraf.proceedings.live;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SpeakingRequests extends JpaRepository<SpeakingRequest, Long> {

	List<SpeakingRequest> findByMeetingIdAndAgendaItemIdOrderByRequestedAtAscIdAsc(Long meetingId, Long agendaItemId);

	List<SpeakingRequest> findByMeetingIdAndFinishedAtIsNullAndGivenAtIsNotNull(Long meetingId);

}
