package se.paragraf.shared.security;

import java.time.Duration;
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
 * Failed sign-ins in a row for one username (whether or not an account has it) or from one client
 * address, and the lock they have led to.
 */
@Entity
@Table(name = "login_failures")
public class LoginFailures {

	/** What is counted: a username as typed, or a client address. */
	public enum Kind {

		ACCOUNT, ADDRESS

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Kind kind;

	@Column(nullable = false)
	private String subject;

	private int failures;

	@Column(name = "last_failure_at", nullable = false)
	private Instant lastFailureAt;

	@Column(name = "locked_until")
	private @Nullable Instant lockedUntil;

	protected LoginFailures() {
		this.kind = Kind.ACCOUNT;
		this.subject = "";
		this.lastFailureAt = Instant.EPOCH;
	}

	LoginFailures(Kind kind, String subject, Instant now) {
		this.kind = kind;
		this.subject = subject;
		this.lastFailureAt = now;
	}

	/**
	 * Counts one more failure. From the allowed number on, each failure locks: first for the base
	 * duration, then twice as long for each further one, up to the longest lock.
	 * @return the new lock's end, or null if this failure does not lock
	 */
	@Nullable Instant fail(Instant now, int allowed, LoginSettings settings) {
		if (!isLocked(now) && this.lastFailureAt.plus(settings.forgetAfter()).isBefore(now)) {
			this.failures = 0;
		}
		this.failures++;
		this.lastFailureAt = now;
		if (this.failures < allowed) {
			return null;
		}
		int doublings = Math.min(this.failures - allowed, 20);
		Duration lock = settings.lockDuration().multipliedBy(1L << doublings);
		if (lock.compareTo(settings.maxLockDuration()) > 0) {
			lock = settings.maxLockDuration();
		}
		this.lockedUntil = now.plus(lock);
		return this.lockedUntil;
	}

	public boolean isLocked(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public Kind getKind() {
		return this.kind;
	}

	public String getSubject() {
		return this.subject;
	}

	public int getFailures() {
		return this.failures;
	}

	public Instant getLastFailureAt() {
		return this.lastFailureAt;
	}

	public @Nullable Instant getLockedUntil() {
		return this.lockedUntil;
	}

}
