package io.flare.benchmarks.pinot;

import java.time.Instant;
import java.time.InstantSource;

/** A clock the produce loop sets before each event, to place it on the timeline. */
final class SteppedClock implements InstantSource {

	private long millis;

	void set(long epochMillis) {
		this.millis = epochMillis;
	}

	@Override
	public long millis() {
		return this.millis;
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(this.millis);
	}

}
