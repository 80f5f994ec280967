package io.flare.simulator.generate;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clocks for tests.
 */
public final class TestClocks {

	private TestClocks() {
	}

	/**
	 * A clock that moves one millisecond forward every time it is read, so every fresh
	 * event gets its own, increasing, event time.
	 * @param startMillis the first reading
	 * @return the clock
	 */
	public static InstantSource ticking(long startMillis) {
		AtomicLong now = new AtomicLong(startMillis);
		return new InstantSource() {

			@Override
			public Instant instant() {
				return Instant.ofEpochMilli(millis());
			}

			@Override
			public long millis() {
				return now.getAndIncrement();
			}

		};
	}

}
