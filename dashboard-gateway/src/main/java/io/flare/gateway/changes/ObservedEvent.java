package io.flare.gateway.changes;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the change tracker needs of one event: its event time and the values of the
 * columns metric filters can name.
 *
 * @param eventTime the event time, epoch milliseconds
 * @param columns column name to value (as text), for the columns the event has
 * @param partition the topic partition it was read from, or {@code -1} when unknown
 * @param offset its offset in that partition, or {@code -1} when unknown
 */
public record ObservedEvent(long eventTime, Map<String, String> columns, int partition, long offset) {

	public ObservedEvent {
		columns = Map.copyOf(columns);
	}

	/**
	 * An event without a stream position: it counts as queryable at once.
	 * @param eventTime the event time, epoch milliseconds
	 * @param columns column name to value (as text)
	 */
	public ObservedEvent(long eventTime, Map<String, String> columns) {
		this(eventTime, columns, -1, -1);
	}

	/**
	 * Whether the event has a stream position, so its queryability can be followed.
	 * @return whether it has
	 */
	public boolean positioned() {
		return this.partition >= 0 && this.offset >= 0;
	}

	/**
	 * The same event at a stream position.
	 * @param partition the partition
	 * @param offset the offset
	 * @return the event
	 */
	public ObservedEvent at(int partition, long offset) {
		return new ObservedEvent(this.eventTime, this.columns, partition, offset);
	}

	/**
	 * Reads an event as published on the {@code events} topic.
	 * @param json the event
	 * @return the event, or {@code null} when it has no numeric event time
	 */
	public static @Nullable ObservedEvent from(JsonNode json) {
		JsonNode time = json.path("eventTime");
		if (!time.isNumber()) {
			return null;
		}
		Map<String, String> columns = new HashMap<>();
		for (String name : new String[] { "eventId", "source", "category", "type", "entityId", "value" }) {
			put(columns, name, json.path(name));
		}
		JsonNode location = json.path("location");
		for (String name : new String[] { "country", "region", "city", "lat", "lon" }) {
			put(columns, name, location.path(name));
		}
		return new ObservedEvent(time.asLong(), columns);
	}

	private static void put(Map<String, String> columns, String name, JsonNode value) {
		if (value.isString() || value.isNumber() || value.isBoolean()) {
			columns.put(name, value.asString());
		}
	}

}
