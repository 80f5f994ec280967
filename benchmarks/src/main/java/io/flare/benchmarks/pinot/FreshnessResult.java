package io.flare.benchmarks.pinot;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Freshness of one table, idle and under load.
 *
 * @param table the table probed
 * @param pollSql the shape of the query each probe polls with
 * @param pausedTables other tables on the topic whose consumption was paused first, so
 * they do not compete for the machine
 * @param idle probes with nothing else being produced
 * @param loadTargetPerSecond the background load asked for, events/s
 * @param loadAchievedPerSecond the background load sent, events/s
 * @param loadFailedSends background sends Kafka refused
 * @param loaded probes while the background load ran, or {@code null} when the load was 0
 */
record FreshnessResult(String table, String pollSql, List<String> pausedTables, FreshnessProbe.Round idle,
		int loadTargetPerSecond, long loadAchievedPerSecond, long loadFailedSends,
		FreshnessProbe.@Nullable Round loaded) {
}
