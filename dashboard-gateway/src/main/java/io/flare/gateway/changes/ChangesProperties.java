package io.flare.gateway.changes;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The change tracker's Kafka consumer.
 *
 * @param enabled whether to follow the topic (off: subscriptions refresh only when their
 * window slides)
 * @param bootstrapServers the Kafka brokers
 * @param topic the events topic
 * @param groupPrefix prefix of the consumer group; each gateway instance adds a random
 * suffix, as every instance must see every event
 * @param pollTimeout how long one poll waits for events
 */
@ConfigurationProperties("flare.gateway.changes")
public record ChangesProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("127.0.0.1:9092") String bootstrapServers, @DefaultValue("events") String topic,
		@DefaultValue("flare-gateway-changes") String groupPrefix, @DefaultValue("200ms") Duration pollTimeout) {

}
