package io.flare.benchmarks.query;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Notes when Pinot's segment count changes — a partition sealed a segment and started the
 * next — by reading it every second while a measurement runs, so that requests sent in
 * the middle of a wave of seals can be told from the others.
 */
final class SealWatch implements AutoCloseable {

	/**
	 * How far from a change of the segment count a request counts as sent during a seal.
	 */
	static final long NEAR_MILLIS = 5_000;

	private final IntSupplier segments;

	private final LongSupplier clock;

	private final List<Long> changes = new ArrayList<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "seal-watch");
		thread.setDaemon(true);
		return thread;
	});

	private int last = -1;

	private int sealed;

	/**
	 * @param segments the table's segment count (a controller call)
	 * @param clock epoch milliseconds
	 */
	SealWatch(IntSupplier segments, LongSupplier clock) {
		this.segments = segments;
		this.clock = clock;
	}

	/** Starts reading the count, every second. */
	SealWatch start() {
		sample();
		this.timer.scheduleWithFixedDelay(this::sample, 1, 1, TimeUnit.SECONDS);
		return this;
	}

	/** Reads the count once; a change is noted at the time of this reading. */
	synchronized void sample() {
		int count;
		try {
			count = this.segments.getAsInt();
		}
		catch (RuntimeException ex) {
			return;
		}
		if (this.last >= 0 && count != this.last) {
			this.changes.add(this.clock.getAsLong());
			this.sealed += Math.max(0, count - this.last);
		}
		this.last = count;
	}

	/** When the count changed, epoch milliseconds. */
	synchronized List<Long> changes() {
		return List.copyOf(this.changes);
	}

	/** Segments added since the watch started (each a sealed one's successor). */
	synchronized int sealed() {
		return this.sealed;
	}

	/**
	 * Whether a request sent at {@code sentAtMillis} ran during a seal: within
	 * {@link #NEAR_MILLIS} of a change (a reading is up to a second late, and a seal
	 * builds for a second or more before its successor appears).
	 */
	static boolean near(long sentAtMillis, List<Long> changes) {
		for (long change : changes) {
			if (Math.abs(sentAtMillis - change) <= NEAR_MILLIS) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

}
