package io.flare.simulator.run;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Holds a sender to a target rate: the n-th event is due n / rate seconds after the
 * first, and the sender waits once per batch, not per event. A sender that falls more
 * than a second behind starts afresh instead of catching up in a burst.
 */
public final class Pacer {

	private static final long MAX_DEBT_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final double eventsPerSecond;

	private final LongSupplier nanoTime;

	private final LongConsumer parkNanos;

	private long origin;

	private long permits;

	private boolean started;

	/**
	 * A pacer on the system clock.
	 * @param eventsPerSecond the target rate; 0 or less means no limit
	 */
	public Pacer(double eventsPerSecond) {
		this(eventsPerSecond, System::nanoTime, LockSupport::parkNanos);
	}

	Pacer(double eventsPerSecond, LongSupplier nanoTime, LongConsumer parkNanos) {
		this.eventsPerSecond = eventsPerSecond;
		this.nanoTime = nanoTime;
		this.parkNanos = parkNanos;
	}

	/**
	 * Waits until the next {@code count} events may go.
	 * @param count events about to be sent
	 */
	public void acquire(int count) {
		if (this.eventsPerSecond <= 0) {
			return;
		}
		long now = this.nanoTime.getAsLong();
		if (!this.started) {
			this.started = true;
			this.origin = now;
		}
		long due = this.origin + (long) (this.permits * 1e9 / this.eventsPerSecond);
		if (now - due > MAX_DEBT_NANOS) {
			this.origin = now;
			this.permits = 0;
			due = now;
		}
		this.permits += count;
		while (due - now > 0 && !Thread.currentThread().isInterrupted()) {
			this.parkNanos.accept(due - now);
			now = this.nanoTime.getAsLong();
		}
	}

}
