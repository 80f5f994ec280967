package io.flare.ingest.backpressure;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the events and bytes held by requests not yet answered and refuses what would
 * exceed the bounds, so memory stays bounded whatever the callers send. Non-blocking.
 */
public final class InFlightLimiter {

	private final AtomicLong events = new AtomicLong();

	private final AtomicLong bytes = new AtomicLong();

	private final BackpressureProperties properties;

	public InFlightLimiter(BackpressureProperties properties, MeterRegistry meters) {
		this.properties = properties;
		Gauge.builder("flare.ingest.inflight.events", this.events, AtomicLong::get)
			.description("Events accepted into memory and not yet answered")
			.register(meters);
		Gauge.builder("flare.ingest.inflight.bytes", this.bytes, AtomicLong::get)
			.baseUnit("bytes")
			.description("Request-body bytes held by requests not yet answered")
			.register(meters);
	}

	/**
	 * Takes room for {@code count} bytes.
	 * @throws BackpressureException when that would exceed the bound
	 */
	public void acquireBytes(long count) {
		acquire(this.bytes, count, this.properties.maxInFlightBytes().toBytes(), "bytes");
	}

	public void releaseBytes(long count) {
		this.bytes.addAndGet(-count);
	}

	/**
	 * Takes room for {@code count} events.
	 * @throws BackpressureException when that would exceed the bound
	 */
	public void acquireEvents(long count) {
		acquire(this.events, count, this.properties.maxInFlightEvents(), "events");
	}

	public void releaseEvents(long count) {
		this.events.addAndGet(-count);
	}

	public long eventsInFlight() {
		return this.events.get();
	}

	public long bytesInFlight() {
		return this.bytes.get();
	}

	private void acquire(AtomicLong held, long count, long max, String what) {
		long after = held.addAndGet(count);
		if (after > max && after != count) {
			held.addAndGet(-count);
			throw new BackpressureException(new Refusal("in_flight",
					"the service holds its maximum of " + max + " " + what + " in flight; retry later",
					this.properties.retryAfter()));
		}
	}

}
