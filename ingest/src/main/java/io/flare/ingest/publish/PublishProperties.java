package io.flare.ingest.publish;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How ingest produces to Kafka. The broker address is Spring's own
 * {@code spring.kafka.bootstrap-servers}.
 *
 * @param topic the topic of normalised events
 * @param linger how long the producer waits to fill a batch
 * @param batchSize the producer's batch size per partition
 * @param compression the producer's compression codec
 * @param requestTimeout how long one produce request may take
 * @param deliveryTimeout how long an event may take to be acknowledged, retries included;
 * then its batch is answered 503
 * @param maxBlock how long a send may wait for metadata or buffer space; then 503
 * @param bufferMemory the producer's bound on unsent bytes
 * @param retryAfter the Retry-After told to callers when Kafka is unavailable
 */
@ConfigurationProperties("flare.ingest.kafka")
@Validated
public record PublishProperties(@DefaultValue("events") @NotBlank String topic, @DefaultValue("5ms") Duration linger,
		@DefaultValue("256KB") DataSize batchSize, @DefaultValue("lz4") @NotBlank String compression,
		@DefaultValue("10s") Duration requestTimeout, @DefaultValue("30s") Duration deliveryTimeout,
		@DefaultValue("5s") Duration maxBlock, @DefaultValue("64MB") DataSize bufferMemory,
		@DefaultValue("5s") Duration retryAfter) {

	public PublishProperties {
		if (deliveryTimeout.compareTo(requestTimeout.plus(linger)) < 0) {
			throw new IllegalArgumentException("flare.ingest.kafka.delivery-timeout (" + deliveryTimeout
					+ ") must be at least request-timeout + linger (" + requestTimeout.plus(linger) + ")");
		}
	}

	/** How long a batch may wait for all its acknowledgements before it is failed. */
	public Duration batchTimeout() {
		return this.deliveryTimeout.plus(this.maxBlock).plusSeconds(1);
	}

}
