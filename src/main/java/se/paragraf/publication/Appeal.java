package se.paragraf.publication;

import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * An appeal (överklagande) registered against a decision; the decision does not come into force
 * while it stands.
 */
@Entity
@Table(name = "appeal")
public class Appeal {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "meeting_id", nullable = false, updatable = false)
	private Long meetingId;

	@Column(name = "section_number", nullable = false, updatable = false)
	private int sectionNumber;

	@Column(name = "received_on", nullable = false, updatable = false)
	private LocalDate receivedOn;

	@Column(updatable = false)
	private @Nullable String note;

	protected Appeal() {
		this.meetingId = 0L;
		this.receivedOn = LocalDate.MIN;
	}

	Appeal(Long meetingId, int sectionNumber, LocalDate receivedOn, @Nullable String note) {
		this.meetingId = meetingId;
		this.sectionNumber = sectionNumber;
		this.receivedOn = receivedOn;
		this.note = note;
	}

	public Long getId() {
		return Objects.requireNonNull(this.id);
	}

	public Long getMeetingId() {
		return this.meetingId;
	}

	public int getSectionNumber() {
		return this.sectionNumber;
	}

	public LocalDate getReceivedOn() {
		return this.receivedOn;
	}

	public @Nullable String getNote() {
		return this.note;
	}

}
