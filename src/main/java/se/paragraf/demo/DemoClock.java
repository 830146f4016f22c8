package se.paragraf.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

import se.paragraf.shared.Sweden;

/**
 * The application's clock under the demo profile: Swedish time, except while the demo loads, when
 * it is set to the days on which the board did each step (notice published 28 November 2023,
 * meeting held 5 December, minutes certified and posted 12 December). Every service that dates a
 * record reads this clock, so the demo's records carry the dates they would have had, not the day
 * the demo is started. Set only by the demo's single loading thread and the event thread it waits
 * for; released before the demo is used.
 */
public final class DemoClock extends Clock {

	private final Clock real;

	private volatile @Nullable Instant set;

	DemoClock(Clock real) {
		this.real = real;
	}

	/** From now until {@link #release()}, the time is this Swedish local time. */
	void set(LocalDateTime swedishTime) {
		this.set = swedishTime.atZone(Sweden.ZONE).toInstant();
	}

	void release() {
		this.set = null;
	}

	@Override
	public ZoneId getZone() {
		return this.real.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this.set == null ? this.real.withZone(zone) : Clock.fixed(instant(), zone);
	}

	@Override
	public Instant instant() {
		Instant at = this.set;
		return at == null ? this.real.instant() : at;
	}

	@Configuration(proxyBeanMethods = false)
	@Profile("demo")
	static class DemoClockConfiguration {

		/** Takes the place of the shared clock wherever a {@link Clock} is injected. */
		@Bean
		@Primary
		DemoClock demoClock() {
			return new DemoClock(Clock.system(Sweden.ZONE));
		}

	}

}
