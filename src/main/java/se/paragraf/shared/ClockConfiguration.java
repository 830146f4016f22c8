package se.paragraf.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of "now": in Swedish time, so {@code LocalDate.now(clock)} is the Swedish date
 * even on a server that runs in UTC. Tests replace it to pin time.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.system(Sweden.ZONE);
	}

}
