package se.paragraf.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * The lock's length: the base lock at the allowed number of failures, doubling with each further
 * failure up to the longest lock, and old failures forgotten.
 */
class LoginFailuresUnitTests {

	private static final LoginSettings SETTINGS = new LoginSettings(5, 20, Duration.ofMinutes(15), Duration.ofHours(1),
			Duration.ofHours(24));

	private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

	@Test
	void eachFailureAfterALockDoublesTheNextLockUpToTheLongest() {
		LoginFailures failures = new LoginFailures(LoginFailures.Kind.ACCOUNT, "anna", NOW);
		for (int i = 0; i < 4; i++) {
			assertThat(failures.fail(NOW, 5, SETTINGS)).isNull();
		}
		assertThat(failures.fail(NOW, 5, SETTINGS)).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
		Instant later = NOW.plus(Duration.ofMinutes(16));
		assertThat(failures.isLocked(later)).isFalse();
		assertThat(failures.fail(later, 5, SETTINGS)).isEqualTo(later.plus(Duration.ofMinutes(30)));
		assertThat(failures.fail(later, 5, SETTINGS)).isEqualTo(later.plus(Duration.ofHours(1)));
		assertThat(failures.fail(later, 5, SETTINGS)).isEqualTo(later.plus(Duration.ofHours(1)));
	}

	@Test
	void failuresAreForgottenAfterADayWithoutOne() {
		LoginFailures failures = new LoginFailures(LoginFailures.Kind.ACCOUNT, "anna", NOW);
		for (int i = 0; i < 4; i++) {
			failures.fail(NOW, 5, SETTINGS);
		}
		assertThat(failures.fail(NOW.plus(Duration.ofHours(25)), 5, SETTINGS)).isNull();
		assertThat(failures.getFailures()).isEqualTo(1);
	}

}
