package io.flare.ingest.backpressure;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds on what one instance holds at once, and per-source rates.
 *
 * @param maxInFlightEvents the most events accepted into memory and not yet answered
 * @param maxInFlightBytes the most request-body bytes held at once (compressed size as
 * received plus decompressed size)
 * @param retryAfter the Retry-After told to callers refused for in-flight bounds
 * @param ratePerSecond events per second each source may send (sustained)
 * @param burst events a source may send at once above its rate; at least the largest
 * batch
 * @param sourceRates per-source overrides of {@code ratePerSecond}, by source name
 */
@ConfigurationProperties("flare.ingest.backpressure")
@Validated
public record BackpressureProperties(@DefaultValue("200000") @Min(1) long maxInFlightEvents,
		@DefaultValue("256MB") DataSize maxInFlightBytes, @DefaultValue("1s") Duration retryAfter,
		@DefaultValue("100000") @Min(1) long ratePerSecond, @DefaultValue("200000") @Min(1) long burst,
		@DefaultValue Map<String, Long> sourceRates) {

	public BackpressureProperties {
		sourceRates = Map.copyOf(sourceRates);
	}

	/** The sustained rate of one source. */
	public long rateOf(String source) {
		return this.sourceRates.getOrDefault(source, this.ratePerSecond);
	}

}
