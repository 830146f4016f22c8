package se.paragraf.shared.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-in failures are throttled ({@code paragraf.security.login.*}).
 *
 * @param maxFailuresPerAccount failures in a row for one username before it is locked
 * @param maxFailuresPerAddress failures from one client address before it is locked
 * @param lockDuration the first lock; each further failure after a lock doubles it
 * @param maxLockDuration the longest lock
 * @param forgetAfter failures are forgotten after this long without a new one
 */
@ConfigurationProperties("paragraf.security.login")
public record LoginSettings(@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("20") int maxFailuresPerAddress,
		@DefaultValue("15m") Duration lockDuration, @DefaultValue("24h") Duration maxLockDuration,
		@DefaultValue("24h") Duration forgetAfter) {
}
