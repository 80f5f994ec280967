package io.flare.simulator.sink;

import java.util.List;

import io.flare.simulator.generate.GeneratedEvent;

/**
 * Where generated events go. A sink counts what it was given, what its destination
 * acknowledged and what failed; {@link #close()} waits for what is still in flight.
 */
public interface EventSink extends AutoCloseable {

	/**
	 * Sends a batch. May return before the destination acknowledged it; the sink does not
	 * keep the list.
	 * @param batch the events, in delivery order
	 */
	void send(List<GeneratedEvent> batch);

	/**
	 * The counts so far; safe to call from any thread.
	 * @return a snapshot
	 */
	SinkStats stats();

	/**
	 * Flushes what is in flight, waits for the outcome, and releases the destination.
	 */
	@Override
	void close();

}
