package io.flare.ingest.validation;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The bounds an event must respect, shared by the HTTP and the Kafka-native paths.
 *
 * @param maxFuture how far ahead of the service's clock an event time may be
 * @param retention how old an event time may be (Pinot's retention: older events would be
 * dropped there)
 * @param maxStringLength the longest source, category, type, entityId, region and city
 * @param maxAttributes the most attributes one event may carry
 * @param maxAttributeNameLength the longest attribute name
 * @param maxAttributeValueLength the longest attribute value
 * @param maxAttributesJsonLength the longest the attributes may be as JSON (Pinot's
 * column holds 4096 characters)
 */
@ConfigurationProperties("flare.ingest.validation")
@Validated
public record ValidationProperties(@DefaultValue("5m") Duration maxFuture, @DefaultValue("7d") Duration retention,
		@DefaultValue("256") @Min(1) @Max(4096) int maxStringLength, @DefaultValue("32") @Min(0) int maxAttributes,
		@DefaultValue("64") @Min(1) int maxAttributeNameLength,
		@DefaultValue("256") @Min(1) int maxAttributeValueLength,
		@DefaultValue("4096") @Min(2) int maxAttributesJsonLength) {

	/** The defaults, for tests and tools. */
	public static ValidationProperties defaults() {
		return new ValidationProperties(Duration.ofMinutes(5), Duration.ofDays(7), 256, 32, 64, 256, 4096);
	}

}
