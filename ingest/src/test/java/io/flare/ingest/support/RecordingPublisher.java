package io.flare.ingest.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import io.flare.ingest.publish.EventPublisher;
import io.flare.ingest.publish.PublishException;
import io.flare.model.Event;

/**
 * An honest in-memory publisher for HTTP tests: records what it acknowledged, and can
 * fail like an unavailable broker or hold batches until released.
 */
public final class RecordingPublisher implements EventPublisher {

	private final List<Event> acknowledged = new CopyOnWriteArrayList<>();

	private volatile boolean unavailable;

	private volatile Sinks.Empty<Void> gate;

	@Override
	public Mono<Void> publish(List<Event> events) {
		if (this.unavailable) {
			return Mono.error(new PublishException(
					events.size() + " of " + events.size() + " events were not acknowledged by Kafka: broker down",
					events.size(), true, null));
		}
		Sinks.Empty<Void> held = this.gate;
		Mono<Void> wait = (held != null) ? held.asMono() : Mono.empty();
		return wait.then(Mono.fromRunnable(() -> this.acknowledged.addAll(events)));
	}

	public List<Event> acknowledged() {
		return this.acknowledged;
	}

	public void unavailable(boolean unavailable) {
		this.unavailable = unavailable;
	}

	/** Holds every batch until {@link #release()}. */
	public void hold() {
		this.gate = Sinks.empty();
	}

	public void release() {
		Sinks.Empty<Void> held = this.gate;
		this.gate = null;
		if (held != null) {
			held.tryEmitEmpty();
		}
	}

	public void reset() {
		release();
		this.unavailable = false;
		this.acknowledged.clear();
	}

}
