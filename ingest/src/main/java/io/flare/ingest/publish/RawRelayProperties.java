package io.flare.ingest.publish;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The relay from the raw topic (Kafka-native sources) to the events topic.
 *
 * @param enabled whether this instance consumes the raw topic
 * @param topic the raw topic sources write to
 * @param deadLetterTopic where events that fail validation go, with the reason in headers
 * @param groupId the consumer group (instances share the partitions)
 * @param maxPollRecords the most records relayed per round
 * @param pollTimeout how long one poll waits for records
 * @param retryBackoff the pause before retrying a round whose outputs were not all
 * acknowledged
 */
@ConfigurationProperties("flare.ingest.raw")
@Validated
public record RawRelayProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("events-raw") @NotBlank String topic,
		@DefaultValue("events-dlq") @NotBlank String deadLetterTopic,
		@DefaultValue("flare-ingest-raw") @NotBlank String groupId, @DefaultValue("500") @Min(1) int maxPollRecords,
		@DefaultValue("500ms") Duration pollTimeout, @DefaultValue("1s") Duration retryBackoff) {

}
