package io.flare.model;

import java.util.Map;

/**
 * One event about the world, as Flare ingests, stores and aggregates it.
 * <p>
 * The compact constructor rejects only values that are structurally impossible (missing
 * identity fields, an over-long id, impossible coordinates); business rules such as
 * event-time bounds or the source matching the caller belong to the ingest service.
 *
 * @param eventId unique id of the event, at most {@value #MAX_EVENT_ID_LENGTH}
 * characters; the Kafka key and Pinot's dedup key
 * @param source the producing source
 * @param category the category, e.g. {@code sports} or {@code movies}
 * @param type the type within the category, e.g. {@code goal} or {@code release}
 * @param entityId what the event is about (a match, a movie, a show, a story)
 * @param eventTime when it happened, in epoch milliseconds
 * @param location where it happened, or {@code null} when unknown
 * @param value an optional measure (price, score delta, ...), or {@code null}
 * @param attributes free metadata; never {@code null}, an unmodifiable copy of what was
 * given ({@code null} becomes an empty map)
 */
public record Event(String eventId, String source, String category, String type, String entityId, long eventTime,
		Location location, Double value, Map<String, String> attributes) {

	/**
	 * The longest {@link #eventId()} accepted, in UTF-16 characters.
	 */
	public static final int MAX_EVENT_ID_LENGTH = 128;

	/**
	 * Validates the structure and copies the attributes.
	 * @throws IllegalArgumentException naming the field, if a required field is
	 * {@code null}, {@code eventId} is too long or {@code attributes} holds a
	 * {@code null} key or value
	 */
	public Event {
		requireNonNull("eventId", eventId);
		requireNonNull("source", source);
		requireNonNull("category", category);
		requireNonNull("type", type);
		requireNonNull("entityId", entityId);
		if (eventId.length() > MAX_EVENT_ID_LENGTH) {
			throw new IllegalArgumentException(
					"eventId must be at most " + MAX_EVENT_ID_LENGTH + " characters but was " + eventId.length());
		}
		attributes = copyOf(attributes);
	}

	private static void requireNonNull(String field, Object value) {
		if (value == null) {
			throw new IllegalArgumentException(field + " must not be null");
		}
	}

	private static Map<String, String> copyOf(Map<String, String> attributes) {
		if (attributes == null) {
			return Map.of();
		}
		attributes.forEach((key, value) -> {
			if (key == null || value == null) {
				throw new IllegalArgumentException(
						"attributes must not contain null keys or values but had " + key + "=" + value);
			}
		});
		return Map.copyOf(attributes);
	}

}
