package io.flare.gateway.changes;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The change tracker's Kafka consumer, and how it learns when Pinot can query an event.
 *
 * @param enabled whether to follow the topic (off: subscriptions refresh only when their
 * window slides)
 * @param bootstrapServers the Kafka brokers
 * @param topic the events topic
 * @param groupPrefix prefix of the consumer group; each gateway instance adds a random
 * suffix, as every instance must see every event
 * @param pollTimeout how long one poll waits for events
 * @param progressInterval how often Pinot's consuming offsets are read while events wait
 * to become queryable
 * @param fallbackDelay how long an event waits when Pinot's progress cannot be read
 * (controller down or slow)
 * @param maxWait how long an event waits at most (Pinot not consuming its partition, for
 * instance while it builds a segment)
 * @param pinot where Pinot's ingestion progress is read
 */
@ConfigurationProperties("flare.gateway.changes")
public record ChangesProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("127.0.0.1:9092") String bootstrapServers, @DefaultValue("events") String topic,
		@DefaultValue("flare-gateway-changes") String groupPrefix, @DefaultValue("200ms") Duration pollTimeout,
		@DefaultValue("250ms") Duration progressInterval, @DefaultValue("3s") Duration fallbackDelay,
		@DefaultValue("30s") Duration maxWait, @DefaultValue Pinot pinot) {

	/**
	 * The Pinot controller.
	 *
	 * @param controllerUrl the controller's base URL; empty: progress is never known, and
	 * events wait the fallback delay
	 * @param table the realtime table consuming the topic
	 * @param timeout how long one read may take
	 */
	public record Pinot(@DefaultValue("http://127.0.0.1:9000") String controllerUrl,
			@DefaultValue("events") String table, @DefaultValue("1s") Duration timeout) {

	}

}
