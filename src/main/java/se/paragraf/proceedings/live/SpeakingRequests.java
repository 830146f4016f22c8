package se.paragraf.proceedings.live;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SpeakingRequests extends JpaRepository<SpeakingRequest, Long> {

	List<SpeakingRequest> findByMeetingIdAndAgendaItemIdOrderByRequestedAtAscIdAsc(Long meetingId, Long agendaItemId);

	List<SpeakingRequest> findByMeetingIdAndFinishedAtIsNullAndGivenAtIsNotNull(Long meetingId);

	/** Whoever has the floor in the meeting is done: the chair gave it to another, or took up another item. */
	default void finishSpeaking(Long meetingId, LocalDateTime at) {
		findByMeetingIdAndFinishedAtIsNullAndGivenAtIsNotNull(meetingId).forEach(r -> r.finish(at));
	}

}
