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
 * A member's own confirmation that she takes part (at a distance) when the meeting opens
 * (kommunallagen 5 kap. 16 § and 6 kap. 24 §).
 */
@Entity
@Table(name = "check_in")
class CheckIn {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "meeting_id", nullable = false, updatable = false)
	private Long meetingId;

	@Column(name = "person_id", nullable = false, updatable = false)
	private Long personId;

	@Column(name = "checked_in_at", nullable = false, updatable = false)
	private LocalDateTime checkedInAt;

	protected CheckIn() {
		this.meetingId = 0L;
		this.personId = 0L;
		this.checkedInAt = LocalDateTime.MIN;
	}

	CheckIn(Long meetingId, Long personId, LocalDateTime at) {
		this.meetingId = meetingId;
		this.personId = personId;
		this.checkedInAt = at;
	}

	Long getId() {
		return Objects.requireNonNull(this.id);
	}

	Long getPersonId() {
		return this.personId;
	}

	LocalDateTime getCheckedInAt() {
		return this.checkedInAt;
	}

}
