package io.flare.simulator.generate;

import java.util.Map;
import java.util.Objects;

/**
 * One simulated event, shaped like the event contract in DESIGN.md.
 *
 * @param eventId unique id of the event; a duplicate delivery repeats it
 * @param source the producing source
 * @param category the feed: {@code movies}, {@code sports}, {@code tickets} or
 * {@code news}
 * @param type what happened, for example {@code goal} or {@code drop}
 * @param entityId what the event is about, for example {@code match-000042}
 * @param eventTime when it happened, epoch milliseconds
 * @param location where it happened
 * @param value the measure of the event (price, score delta, revenue, ...)
 * @param attributes short free metadata, in a stable order
 */
public record GeneratedEvent(String eventId, String source, String category, String type, String entityId,
		long eventTime, GeneratedLocation location, double value, Map<String, String> attributes) {

	public GeneratedEvent {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(entityId, "entityId");
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(attributes, "attributes");
	}

}
