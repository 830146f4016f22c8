package se.paragraf.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The application's clock in tests: the real one until a test pins it to a moment (and releases
 * it afterwards). It keeps the real clock's zone, so a pinned moment is read the way the
 * application reads it, which is what tests of Swedish dates on a UTC server depend on.
 */
public final class TestClock extends Clock {

	private final Clock real;

	private volatile @Nullable Instant pinned;

	TestClock(Clock real) {
		this.real = real;
	}

	public void pin(Instant at) {
		this.pinned = at;
	}

	public void release() {
		this.pinned = null;
	}

	@Override
	public ZoneId getZone() {
		return this.real.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		TestClock self = this;
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return self.withZone(other);
			}

			@Override
			public Instant instant() {
				return self.instant();
			}

		};
	}

	@Override
	public Instant instant() {
		Instant at = this.pinned;
		return at == null ? this.real.instant() : at;
	}

	/**
	 * Found by the application's component scan in every test context, like other test beans. The
	 * demo's own clock stays as it is: the demo sets it to its historic days while it loads.
	 */
	@Component
	static class Installer implements BeanPostProcessor {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			return bean instanceof Clock clock && !(bean instanceof TestClock)
					&& !(bean instanceof se.paragraf.demo.DemoClock) ? new TestClock(clock) : bean;
		}

	}

}
