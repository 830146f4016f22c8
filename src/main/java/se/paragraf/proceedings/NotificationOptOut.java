package se.paragraf.proceedings;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * A member who asked not to be e-mailed when notices are published and minutes certified.
 */
@Entity
@Table(name = "notification_opt_out")
class NotificationOptOut {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "person_id", nullable = false, updatable = false, unique = true)
	private Long personId;

	@Column(name = "opted_out_at", nullable = false, updatable = false)
	private Instant optedOutAt;

	protected NotificationOptOut() {
		this.personId = 0L;
		this.optedOutAt = Instant.EPOCH;
	}

	NotificationOptOut(Long personId, Instant at) {
		this.personId = personId;
		this.optedOutAt = at;
	}

	Long getPersonId() {
		return this.personId;
	}

}
