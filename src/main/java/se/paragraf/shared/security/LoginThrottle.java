package se.paragraf.shared.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import se.paragraf.shared.nodes.JobLocks;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.security.LoginEvent.Outcome;
import se.paragraf.shared.security.LoginFailures.Kind;

/**
 * Counts failed sign-ins per username and per client address and locks either after too many (see
 * {@link LoginSettings}). A username is counted whether or not an account has it, so a lock tells
 * nobody whether the account exists. Counts live in the database, so all nodes share them.
 */
@Service
public class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	/** The column's width; a longer name typed at the login is counted by its beginning. */
	private static final int SUBJECT_LENGTH = 100;

	private final LoginFailureRecords records;

	private final LoginEvents events;

	private final LoginSettings settings;

	private final Clock clock;

	private final TransactionTemplate transaction;

	LoginThrottle(LoginFailureRecords records, LoginEvents events, LoginSettings settings, Clock clock,
			PlatformTransactionManager transactions) {
		this.records = records;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Where a username or an address stands before the password is checked. */
	record Standing(@Nullable Instant lockedUntil, boolean accountHasFailures) {
	}

	@Transactional(readOnly = true)
	Standing standing(String username, @Nullable String address) {
		Instant now = this.clock.instant();
		String name = subject(username);
		String from = address == null ? null : subject(address);
		Instant lockedUntil = null;
		boolean accountHasFailures = false;
		for (LoginFailures failures : this.records.findBySubjectIn(from == null ? List.of(name) : List.of(name, from))) {
			boolean mine = failures.getKind() == Kind.ACCOUNT ? failures.getSubject().equals(name)
					: failures.getSubject().equals(from);
			if (!mine) {
				continue;
			}
			accountHasFailures |= failures.getKind() == Kind.ACCOUNT;
			if (failures.isLocked(now) && (lockedUntil == null || failures.getLockedUntil().isAfter(lockedUntil))) {
				lockedUntil = failures.getLockedUntil();
			}
		}
		return new Standing(lockedUntil, accountHasFailures);
	}

	/**
	 * Records a failed sign-in for the username and the address.
	 * @return the end of the lock this failure led to, if it led to one
	 */
	Optional<Instant> recordFailure(String username, @Nullable String address) {
		Instant now = this.clock.instant();
		String name = subject(username);
		String from = address == null ? null : subject(address);
		for (int attempt = 1;; attempt++) {
			try {
				return Optional.ofNullable(this.transaction.execute(status -> {
					this.events.save(new LoginEvent(now, Outcome.FAILED, name, from, null, null));
					Instant accountLock = fail(Kind.ACCOUNT, name, this.settings.maxFailuresPerAccount(), now);
					Instant addressLock = from == null ? null
							: fail(Kind.ADDRESS, from, this.settings.maxFailuresPerAddress(), now);
					Instant lock = later(accountLock, addressLock);
					if (lock != null) {
						this.events.save(new LoginEvent(now, Outcome.LOCKED, accountLock != null ? name : null,
								addressLock != null ? from : null, lock, null));
						log.warn("Sign-in locked until {} after repeated failures (username '{}', address {})", lock,
								accountLock != null ? name : "-", addressLock != null ? from : "-");
					}
					return lock;
				}));
			}
			catch (DataIntegrityViolationException race) {
				// Another node counted the first failure for the same name at the same time: count again.
				if (attempt == 3) {
					throw race;
				}
			}
		}
	}

	private @Nullable Instant fail(Kind kind, String subject, int allowed, Instant now) {
		LoginFailures failures = this.records.findByKindAndSubject(kind, subject)
			.orElseGet(() -> this.records.saveAndFlush(new LoginFailures(kind, subject, now)));
		return failures.fail(now, allowed, this.settings);
	}

	/** A successful sign-in forgets the username's failures (not the address's). */
	void recordSuccess(String username, Standing standing) {
		if (!standing.accountHasFailures()) {
			return;
		}
		this.transaction.executeWithoutResult(status -> this.records.findByKindAndSubject(Kind.ACCOUNT, subject(username))
			.ifPresent(this.records::delete));
	}

	/** The locks in force now, usernames first. */
	@Transactional(readOnly = true)
	public List<LoginFailures> locks() {
		return new ArrayList<>(this.records.findByLockedUntilAfterOrderByKindAscSubjectAsc(this.clock.instant()));
	}

	/** An administrator lifts a lock; the failures that led to it are forgotten. */
	@Transactional
	public LoginFailures unlock(Long id, String actor) {
		LoginFailures failures = this.records.findById(id).orElseThrow(() -> new NotFoundException("LoginLock", id));
		this.records.delete(failures);
		Kind kind = failures.getKind();
		this.events.save(new LoginEvent(this.clock.instant(), Outcome.UNLOCKED,
				kind == Kind.ACCOUNT ? failures.getSubject() : null, kind == Kind.ADDRESS ? failures.getSubject() : null,
				null, actor));
		log.info("{} unlocked sign-in for {} '{}'", actor, kind, failures.getSubject());
		return failures;
	}

	/** Old failures without a lock in force are forgotten anyway; dropping them keeps the table small. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@SchedulerLock(name = "shared.forget-login-failures", lockAtLeastFor = JobLocks.AT_LEAST_FOR)
	@Transactional
	public void forgetOldFailures() {
		Instant now = this.clock.instant();
		this.records.forget(now.minus(this.settings.forgetAfter()), now);
	}

	static String subject(String typed) {
		String subject = typed.strip().toLowerCase(Locale.ROOT);
		return subject.length() > SUBJECT_LENGTH ? subject.substring(0, SUBJECT_LENGTH) : subject;
	}

	private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
		if (a == null) {
			return b;
		}
		return b == null || a.isAfter(b) ? a : b;
	}

}
