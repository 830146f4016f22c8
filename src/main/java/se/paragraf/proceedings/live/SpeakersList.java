package se.paragraf.proceedings.live;

import java.time.LocalDateTime;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.proceedings.live.LiveMeeting.Participant;

/**
 * The speakers list (talarlista) of the item under discussion: members and substitutes ask for the
 * floor or for a reply, the chair gives it and closes the list (streckning). Every change moves the
 * room's counter through {@link LiveMeeting}.
 */
@Service
class SpeakersList {

	private final LiveMeeting room;

	private final SpeakingRequests speakers;

	SpeakersList(LiveMeeting room, SpeakingRequests speakers) {
		this.room = room;
		this.speakers = speakers;
	}

	/** A member or substitute asks for the floor on the item under discussion, or for a reply. */
	@Transactional
	void askToSpeak(Long meetingId, boolean reply) {
		Participant who = this.room.admitted(meetingId);
		if (who.personId() == null || !(who.member() || who.substitute())) {
			throw LiveRefusal.forbidden("live.speak.noSeat");
		}
		LiveSession session = this.room.touch(meetingId);
		Long itemId = session.getCurrentItemId();
		if (itemId == null) {
			throw LiveRefusal.conflict("live.item.notStarted");
		}
		if (session.isSpeakersClosed() && !reply) {
			throw LiveRefusal.conflict("live.speak.closed");
		}
		boolean waiting = this.speakers.findByMeetingIdAndAgendaItemIdOrderByRequestedAtAscIdAsc(meetingId, itemId)
			.stream()
			.anyMatch(r -> r.getPersonId().equals(who.personId()) && r.isWaiting() && r.isReply() == reply);
		if (!waiting) {
			this.speakers.save(new SpeakingRequest(meetingId, itemId, who.personId(), reply, this.room.now()));
		}
	}

	/** A member takes back her waiting request; the chair may take back anybody's. */
	@Transactional
	void withdraw(Long meetingId, Long requestId) {
		Participant who = this.room.admitted(meetingId);
		this.room.touch(meetingId);
		SpeakingRequest request = request(meetingId, requestId);
		if (!request.getPersonId().equals(who.personId()) && !who.chairing()) {
			throw LiveRefusal.forbidden("live.chairOnly");
		}
		if (request.isWaiting()) {
			request.withdraw(this.room.now());
		}
	}

	/** The chair gives the floor; the previous speaker is done. */
	@Transactional
	void giveFloor(Long meetingId, Long requestId) {
		this.room.chairing(meetingId);
		this.room.touch(meetingId);
		SpeakingRequest request = request(meetingId, requestId);
		if (!request.isWaiting()) {
			throw LiveRefusal.conflict("live.speak.notWaiting");
		}
		LocalDateTime now = this.room.now();
		this.speakers.finishSpeaking(meetingId, now);
		request.give(now);
	}

	/** The chair ends the current speaker's turn. */
	@Transactional
	void endFloor(Long meetingId) {
		this.room.chairing(meetingId);
		this.room.touch(meetingId);
		this.speakers.finishSpeaking(meetingId, this.room.now());
	}

	/** The chair closes the list (streckning), or opens it again; replies stay possible. */
	@Transactional
	void close(Long meetingId, boolean closed) {
		this.room.chairing(meetingId);
		LiveSession session = this.room.touch(meetingId);
		if (session.getCurrentItemId() == null) {
			throw LiveRefusal.conflict("live.item.notStarted");
		}
		session.speakersList(closed);
	}

	private SpeakingRequest request(Long meetingId, Long requestId) {
		return this.speakers.findById(requestId)
			.filter(r -> r.getMeetingId().equals(meetingId))
			.orElseThrow(() -> LiveRefusal.conflict("live.speak.unknown"));
	}

}
