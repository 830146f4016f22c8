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
 * An open vote by name taken in the live room on one item: the propositions as the chair put them
 * (yes for one, no for the other), open until the chair closes it. Closing writes the ballots into
 * the item's decision, as a vote recorded by hand.
 */
@Entity
@Table(name = "live_vote")
class LiveVote {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "meeting_id", nullable = false, updatable = false)
	private Long meetingId;

	@Column(name = "agenda_item_id", nullable = false, updatable = false)
	private Long agendaItemId;

	@Column(name = "proposition_order", nullable = false, updatable = false)
	private String propositionOrder;

	@Column(name = "opened_at", nullable = false, updatable = false)
	private LocalDateTime openedAt;

	@Column(name = "closed_at")
	private @Nullable LocalDateTime closedAt;

	protected LiveVote() {
		this.meetingId = 0L;
		this.agendaItemId = 0L;
		this.propositionOrder = "";
		this.openedAt = LocalDateTime.MIN;
	}

	LiveVote(Long meetingId, Long agendaItemId, String propositionOrder, LocalDateTime at) {
		this.meetingId = meetingId;
		this.agendaItemId = agendaItemId;
		this.propositionOrder = propositionOrder;
		this.openedAt = at;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	Long getMeetingId() {
		return this.meetingId;
	}

	public Long getAgendaItemId() {
		return this.agendaItemId;
	}

	public String getPropositionOrder() {
		return this.propositionOrder;
	}

	public LocalDateTime getOpenedAt() {
		return this.openedAt;
	}

	public @Nullable LocalDateTime getClosedAt() {
		return this.closedAt;
	}

	public boolean isOpen() {
		return this.closedAt == null;
	}

	void close(LocalDateTime at) {
		this.closedAt = at;
	}

}
