package io.flare.infra.provisioning;

import java.util.List;

/**
 * A Kafka topic the platform needs.
 *
 * @param name topic name
 * @param partitions partitions when created
 * @param replicationFactor replication factor when created
 */
public record TopicSpec(String name, int partitions, short replicationFactor) {

	/** Normalised events, keyed by eventId; Pinot's {@code events} table consumes it. */
	public static final String EVENTS = "events";

	/** Events as sources sent them, before validation. */
	public static final String EVENTS_RAW = "events-raw";

	/** Events that could not be parsed or validated on the Kafka path. */
	public static final String EVENTS_DLQ = "events-dlq";

	public TopicSpec {
		if (name.isBlank()) {
			throw new IllegalArgumentException("topic name must not be blank");
		}
		if (partitions < 1 || replicationFactor < 1) {
			throw new IllegalArgumentException("topic " + name + " needs at least 1 partition and replica, got "
					+ partitions + "/" + replicationFactor);
		}
	}

	/**
	 * The platform's topics.
	 * @param partitions partitions of {@code events} and {@code events-raw}
	 * @param replicationFactor replication factor of all three
	 * @return {@code events}, {@code events-raw} and a one-partition {@code events-dlq}
	 */
	public static List<TopicSpec> platformTopics(int partitions, short replicationFactor) {
		return List.of(new TopicSpec(EVENTS, partitions, replicationFactor),
				new TopicSpec(EVENTS_RAW, partitions, replicationFactor),
				new TopicSpec(EVENTS_DLQ, 1, replicationFactor));
	}

}
