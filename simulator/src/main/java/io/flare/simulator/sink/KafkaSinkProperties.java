package io.flare.simulator.sink;

/**
 * Where the Kafka sink sends.
 *
 * @param bootstrapServers comma-separated host:port list
 * @param topic the topic, {@code events} by default
 */
public record KafkaSinkProperties(String bootstrapServers, String topic) {

	/** The topic when none is given. */
	public static final String DEFAULT_TOPIC = "events";

	public KafkaSinkProperties {
		if (bootstrapServers.isBlank()) {
			throw new IllegalArgumentException("bootstrapServers must not be blank");
		}
		if (topic.isBlank()) {
			throw new IllegalArgumentException("topic must not be blank");
		}
	}

}
