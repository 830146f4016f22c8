package se.paragraf.proceedings.live;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * The room of one meeting: the item under discussion, whether its speakers list is closed, and a
 * counter moved by every change, which is the id of the events the room sends.
 */
@Entity
@Table(name = "live_session")
// Only the changed columns: the counter is moved by a query and must not be written back stale.
@org.hibernate.annotations.DynamicUpdate
class LiveSession {

	@Id
	@Column(name = "meeting_id")
	private Long meetingId;

	@Column(name = "current_item_id")
	private @Nullable Long currentItemId;

	@Column(name = "speakers_closed", nullable = false)
	private boolean speakersClosed;

	@Column(nullable = false)
	private long sequence;

	@Column(name = "changed_at", nullable = false)
	private LocalDateTime changedAt;

	protected LiveSession() {
		this.meetingId = 0L;
		this.changedAt = LocalDateTime.MIN;
	}

	LiveSession(Long meetingId, LocalDateTime at) {
		this.meetingId = meetingId;
		this.changedAt = at;
	}

	Long getMeetingId() {
		return this.meetingId;
	}

	@Nullable Long getCurrentItemId() {
		return this.currentItemId;
	}

	boolean isSpeakersClosed() {
		return this.speakersClosed;
	}

	long getSequence() {
		return this.sequence;
	}

	/** Takes up another item: its speakers list starts open. */
	void takeUp(Long itemId) {
		if (!itemId.equals(this.currentItemId)) {
			this.currentItemId = itemId;
			this.speakersClosed = false;
		}
	}

	void speakersList(boolean closed) {
		this.speakersClosed = closed;
	}

}
