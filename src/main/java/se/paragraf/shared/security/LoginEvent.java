package se.paragraf.shared.security;

import java.time.Instant;

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
 * A recorded sign-in failure, a lock it led to, or an administrator lifting a lock.
 */
@Entity
@Table(name = "login_event")
public class LoginEvent {

	public enum Outcome {

		FAILED, LOCKED, UNLOCKED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Outcome outcome;

	private @Nullable String username;

	private @Nullable String address;

	@Column(name = "locked_until")
	private @Nullable Instant lockedUntil;

	/** Who unlocked. */
	private @Nullable String actor;

	protected LoginEvent() {
		this.occurredAt = Instant.EPOCH;
		this.outcome = Outcome.FAILED;
	}

	LoginEvent(Instant occurredAt, Outcome outcome, @Nullable String username, @Nullable String address,
			@Nullable Instant lockedUntil, @Nullable String actor) {
		this.occurredAt = occurredAt;
		this.outcome = outcome;
		this.username = username;
		this.address = address;
		this.lockedUntil = lockedUntil;
		this.actor = actor;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public Outcome getOutcome() {
		return this.outcome;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public @Nullable String getAddress() {
		return this.address;
	}

	public @Nullable Instant getLockedUntil() {
		return this.lockedUntil;
	}

	public @Nullable String getActor() {
		return this.actor;
	}

}
