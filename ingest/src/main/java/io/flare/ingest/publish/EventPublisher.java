package io.flare.ingest.publish;

import java.util.List;

import reactor.core.publisher.Mono;

import io.flare.model.Event;

/**
 * Publishes normalised events to the {@code events} stream, keyed by {@code eventId}.
 */
public interface EventPublisher {

	/**
	 * Publishes every event.
	 * @param events the normalised events
	 * @return completes once the stream acknowledged every event; fails with a
	 * {@link PublishException} (telling whether a retry may succeed) if any one was not
	 * acknowledged
	 */
	Mono<Void> publish(List<Event> events);

}
