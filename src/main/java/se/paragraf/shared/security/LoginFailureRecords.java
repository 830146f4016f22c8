package se.paragraf.shared.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The failure counts per username and per address.
 */
interface LoginFailureRecords extends JpaRepository<LoginFailures, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<LoginFailures> findByKindAndSubject(LoginFailures.Kind kind, String subject);

	List<LoginFailures> findBySubjectIn(List<String> subjects);

	List<LoginFailures> findByLockedUntilAfterOrderByKindAscSubjectAsc(Instant now);

	@Modifying
	@Query("delete from LoginFailures f where f.lastFailureAt < :before and (f.lockedUntil is null or f.lockedUntil < :now)")
	int forget(Instant before, Instant now);

}
