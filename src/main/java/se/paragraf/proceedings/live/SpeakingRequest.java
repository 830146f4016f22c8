package se.paragraf.proceedings.live;

import java.time.LocalDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * A request for the floor on an item (begära ordet), or for a short reply (replik), with the times
 * it was asked for, given and ended.
 */
@Entity
@Table(name = "speaking_request")
class SpeakingRequest {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "meeting_id", nullable = false, updatable = false)
	private Long meetingId;

	@Column(name = "agenda_item_id", nullable = false, updatable = false)
	private Long agendaItemId;

	@Column(name = "person_id", nullable = false, updatable = false)
	private Long personId;

	@Column(nullable = false, updatable = false)
	private boolean reply;

	@Column(name = "requested_at", nullable = false, updatable = false)
	private LocalDateTime requestedAt;

	@Column(name = "given_at")
	private @Nullable LocalDateTime givenAt;

	@Column(name = "finished_at")
	private @Nullable LocalDateTime finishedAt;

	@Column(name = "withdrawn_at")
	private @Nullable LocalDateTime withdrawnAt;

	protected SpeakingRequest() {
		this.meetingId = 0L;
		this.agendaItemId = 0L;
		this.personId = 0L;
		this.requestedAt = LocalDateTime.MIN;
	}

	SpeakingRequest(Long meetingId, Long agendaItemId, Long personId, boolean reply, LocalDateTime at) {
		this.meetingId = meetingId;
		this.agendaItemId = agendaItemId;
		this.personId = personId;
		this.reply = reply;
		this.requestedAt = at;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	Long getMeetingId() {
		return this.meetingId;
	}

	Long getAgendaItemId() {
		return this.agendaItemId;
	}

	public Long getPersonId() {
		return this.personId;
	}

	public boolean isReply() {
		return this.reply;
	}

	public LocalDateTime getRequestedAt() {
		return this.requestedAt;
	}

	public @Nullable LocalDateTime getGivenAt() {
		return this.givenAt;
	}

	public @Nullable LocalDateTime getFinishedAt() {
		return this.finishedAt;
	}

	/** Waiting for the floor. */
	public boolean isWaiting() {
		return this.givenAt == null && this.withdrawnAt == null;
	}

	/** Has the floor now. */
	public boolean isSpeaking() {
		return this.givenAt != null && this.finishedAt == null;
	}

	boolean isWithdrawn() {
		return this.withdrawnAt != null;
	}

	void give(LocalDateTime at) {
		this.givenAt = at;
	}

	void finish(LocalDateTime at) {
		if (this.finishedAt == null) {
			this.finishedAt = at;
		}
	}

	void withdraw(LocalDateTime at) {
		this.withdrawnAt = at;
	}

}
