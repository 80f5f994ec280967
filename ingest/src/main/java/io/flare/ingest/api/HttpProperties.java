package io.flare.ingest.api;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of one {@code POST /v1/events} request.
 *
 * @param maxBodySize the largest body, as sent and after gzip decompression (413 above)
 * @param maxBatchEvents the most events one batch may hold (413 above)
 * @param maxJsonString the longest JSON string token the parser reads (a longer one fails
 * the body, or the line in NDJSON)
 */
@ConfigurationProperties("flare.ingest.http")
@Validated
public record HttpProperties(@DefaultValue("10MB") DataSize maxBodySize,
		@DefaultValue("10000") @Min(1) int maxBatchEvents, @DefaultValue("65536") @Min(256) int maxJsonString) {

}
