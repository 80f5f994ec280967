package io.flare.benchmarks.pinot;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The query phase's figures.
 *
 * @param anchor T, the data's end time floored to the minute, epoch millis
 * @param anchorUtc T as an ISO-8601 instant
 * @param segmentsAtStart each table's segments when the phase started (consuming segments
 * may have sealed since ingestion ended: their time threshold is 5 minutes)
 * @param stats latency per query and table
 * @param comparisons plain against star per query (empty unless both were measured)
 * @param resultsMatch whether both tables answered every query alike, or {@code null}
 * when only one was measured
 */
record QueryResults(long anchor, String anchorUtc, Map<String, SegmentsSnapshot> segmentsAtStart,
		List<QueryStats> stats, List<QueryComparison> comparisons, @Nullable Boolean resultsMatch) {
}
