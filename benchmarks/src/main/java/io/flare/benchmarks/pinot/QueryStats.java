package io.flare.benchmarks.pinot;

import io.flare.benchmarks.support.LatencySummary;

/**
 * Latency of one query on one table over the measured runs.
 *
 * @param query the query's letter
 * @param variant the table design
 * @param sql the SQL run
 * @param clientMs latency seen by the benchmark's HTTP client, milliseconds
 * @param pinotMs the broker's own {@code timeUsedMs}
 * @param medianDocsScanned median {@code numDocsScanned}: far below the matching rows
 * when a star-tree served the query
 * @param totalDocs rows in the table
 * @param segmentsQueried segments the last run queried
 * @param consumingSegmentsQueried of those, consuming ones (always raw rows)
 */
record QueryStats(String query, String variant, String sql, LatencySummary clientMs, LatencySummary pinotMs,
		long medianDocsScanned, long totalDocs, long segmentsQueried, long consumingSegmentsQueried) {
}
