package se.paragraf.proceedings;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * The dispatch (expediering) of one section's extract to one decision recipient, with time and
 * outcome.
 */
@Entity
@Table(name = "dispatch")
public class Dispatch {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "meeting_id", nullable = false, updatable = false)
	private Long meetingId;

	@Column(name = "minutes_id", nullable = false, updatable = false)
	private Long minutesId;

	@Column(name = "section_number", nullable = false, updatable = false)
	private int sectionNumber;

	@Column(name = "matter_id", updatable = false)
	private @Nullable Long matterId;

	@Column(nullable = false, updatable = false)
	private String recipient;

	@Column(updatable = false)
	private @Nullable String email;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private DispatchStatus status;

	private @Nullable String error;

	@Column(name = "dispatched_at", nullable = false)
	private Instant dispatchedAt;

	@Column(name = "dispatched_by", nullable = false)
	private String dispatchedBy;

	protected Dispatch() {
		this.meetingId = 0L;
		this.minutesId = 0L;
		this.recipient = "";
		this.status = DispatchStatus.MANUAL;
		this.dispatchedAt = Instant.EPOCH;
		this.dispatchedBy = "";
	}

	Dispatch(Long meetingId, Long minutesId, int sectionNumber, @Nullable Long matterId, String recipient,
			@Nullable String email, DispatchStatus status, @Nullable String error, Instant at, String by) {
		this.meetingId = meetingId;
		this.minutesId = minutesId;
		this.sectionNumber = sectionNumber;
		this.matterId = matterId;
		this.recipient = recipient;
		this.email = email;
		this.status = status;
		this.error = error;
		this.dispatchedAt = at;
		this.dispatchedBy = by;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getMeetingId() {
		return this.meetingId;
	}

	public Long getMinutesId() {
		return this.minutesId;
	}

	public int getSectionNumber() {
		return this.sectionNumber;
	}

	public @Nullable Long getMatterId() {
		return this.matterId;
	}

	public String getRecipient() {
		return this.recipient;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public DispatchStatus getStatus() {
		return this.status;
	}

	public boolean needsFollowUp() {
		return this.status == DispatchStatus.MANUAL || this.status == DispatchStatus.FAILED;
	}

	public @Nullable String getError() {
		return this.error;
	}

	public Instant getDispatchedAt() {
		return this.dispatchedAt;
	}

	/** When, in Swedish time as Swedish readers write it ("12 december 2023 kl. 09:14"). */
	public String dispatchedAtLocal() {
		return se.paragraf.shared.Sweden.dateTime(this.dispatchedAt);
	}

	public String getDispatchedBy() {
		return this.dispatchedBy;
	}

	/** The mail could not be delivered: the extract is to be sent again or by hand. */
	void failed(String error) {
		this.status = DispatchStatus.FAILED;
		this.error = error;
	}

	/** A failed mail went on a retry. */
	void resent(Instant at, String by) {
		this.status = DispatchStatus.SENT;
		this.dispatchedAt = at;
		this.dispatchedBy = by;
		this.error = null;
	}

	void sentManually(Instant at, String by) {
		this.status = DispatchStatus.SENT_MANUALLY;
		this.dispatchedAt = at;
		this.dispatchedBy = by;
		this.error = null;
	}

}
