package io.flare.query.window;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Watermarks, late data and ingestion freshness.
 *
 * @param allowedLateness how far behind a source's largest event time its events may
 * still arrive: watermark = max event time seen − allowed lateness
 * @param grace how long after the watermark a bucket stays provisional: final when it
 * ends before watermark − grace
 * @param idleTimeout a source whose newest event time is older than this (wall clock) no
 * longer holds back the watermark of metrics over every source
 * @param scanInterval how often Pinot is asked what was ingested since the last scan (new
 * watermarks, buckets touched by late events)
 * @param scanOverlap how far each scan reaches back before the previous one started, so
 * rows that became visible late are still seen
 * @param table the Pinot table scanned
 * @param topic the Kafka topic the table consumes (for the offset lag)
 */
@ConfigurationProperties("flare.watermark")
public record WatermarkProperties(@DefaultValue("30s") Duration allowedLateness, @DefaultValue("10s") Duration grace,
		@DefaultValue("5m") Duration idleTimeout, @DefaultValue("1s") Duration scanInterval,
		@DefaultValue("5s") Duration scanOverlap, @DefaultValue("events") String table,
		@DefaultValue("events") String topic) {

}
