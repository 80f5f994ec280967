package io.flare.simulator.run;

import java.util.List;
import java.util.function.LongSupplier;

import io.flare.simulator.generate.EventGenerator;
import io.flare.simulator.generate.GeneratedEvent;
import io.flare.simulator.sink.EventSink;

/**
 * The send loop: generates batches, paces them, hands them to the sink, and stops at the
 * run's limits or when asked to.
 */
public final class SimulationRunner {

	/**
	 * At the target rate, about this many batches go per second, so pacing stays smooth.
	 */
	private static final int BATCHES_PER_SECOND = 20;

	private final EventGenerator generator;

	private final EventSink sink;

	private final double eventsPerSecond;

	private final RunLimits limits;

	private final int batchSize;

	private final LongSupplier nanoTime;

	private volatile boolean stopped;

	/**
	 * Creates a runner.
	 * @param generator the events
	 * @param sink where they go
	 * @param eventsPerSecond the target rate; 0 means as fast as possible
	 * @param limits when to stop
	 * @param batchSize the largest batch
	 */
	public SimulationRunner(EventGenerator generator, EventSink sink, double eventsPerSecond, RunLimits limits,
			int batchSize) {
		this(generator, sink, eventsPerSecond, limits, batchSize, System::nanoTime);
	}

	SimulationRunner(EventGenerator generator, EventSink sink, double eventsPerSecond, RunLimits limits, int batchSize,
			LongSupplier nanoTime) {
		this.generator = generator;
		this.sink = sink;
		this.eventsPerSecond = eventsPerSecond;
		this.limits = limits;
		this.batchSize = effectiveBatchSize(batchSize, eventsPerSecond);
		this.nanoTime = nanoTime;
	}

	/**
	 * Sends until a limit is reached or {@link #stop()} is called; does not close the
	 * sink.
	 * @return events handed to the sink
	 */
	public long run() {
		Pacer pacer = new Pacer(this.eventsPerSecond);
		long start = this.nanoTime.getAsLong();
		long maxNanos = (this.limits.duration() != null) ? this.limits.duration().toNanos() : Long.MAX_VALUE;
		long maxEvents = this.limits.maxEvents();
		long sent = 0;
		while (sent < maxEvents && !this.stopped) {
			int count = (int) Math.min(this.batchSize, maxEvents - sent);
			pacer.acquire(count);
			if (this.nanoTime.getAsLong() - start >= maxNanos || this.stopped) {
				break;
			}
			List<GeneratedEvent> batch = this.generator.next(count);
			this.sink.send(batch);
			sent += count;
		}
		return sent;
	}

	/**
	 * Asks the loop to stop after the batch in hand; safe from any thread.
	 */
	public void stop() {
		this.stopped = true;
	}

	int batchSize() {
		return this.batchSize;
	}

	static int effectiveBatchSize(int batchSize, double eventsPerSecond) {
		if (eventsPerSecond <= 0) {
			return batchSize;
		}
		long smooth = Math.max(1, (long) (eventsPerSecond / BATCHES_PER_SECOND));
		return (int) Math.min(batchSize, smooth);
	}

}
