package io.flare.query.evaluate;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A metric's answer with its completeness. Times are epoch milliseconds.
 *
 * @param metric the metric's name
 * @param version the definition version evaluated
 * @param parameters the parameter values used
 * @param asOf the evaluation time
 * @param window the window evaluated
 * @param watermark the watermark of the sources read ({@code null}: none seen yet)
 * @param finalBefore buckets ending at or before this are final
 * @param complete whether every bucket is final
 * @param ingestion how far Pinot's ingestion is behind
 * @param buckets every bucket of the window, final or provisional
 * @param values the values: per bucket and group (tumbling), per group (sliding), ranked
 * (topK)
 * @param docsScanned rows Pinot read for this answer (0 when all came from cache)
 * @param fromCache whether no Pinot query ran for this answer (cached final buckets, or a
 * result shared with an identical query)
 * @param queriedAt when Pinot answered the query behind the buckets not taken from the
 * cache ({@code null}: every bucket came from the cache); before {@code asOf} by up to
 * the live cache's age when a recent shared result answered
 * @param cachedBuckets buckets answered from the cache
 * @param pinotQueries Pinot queries run for this answer
 * @param starTreeEligible whether sealed segments can answer from the star-tree
 * @param truncated whether Pinot dropped groups (more than its group limit or than the
 * query's LIMIT): the values are then incomplete
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricResult(String metric, int version, Map<String, String> parameters, long asOf, WindowInfo window,
		@Nullable Long watermark, @Nullable Long finalBefore, boolean complete, Ingestion ingestion,
		List<BucketInfo> buckets, List<Value> values, long docsScanned, boolean fromCache, @Nullable Long queriedAt,
		int cachedBuckets, int pinotQueries, boolean starTreeEligible, boolean truncated) {

	/**
	 * The window.
	 *
	 * @param kind tumbling or sliding
	 * @param size e.g. {@code 5m}
	 * @param bucket e.g. {@code 1m}
	 * @param start the first bucket's start
	 * @param end the last bucket's end (exclusive; the last bucket holds {@code asOf})
	 */
	public record WindowInfo(String kind, String size, String bucket, long start, long end) {

	}

	/**
	 * Ingestion freshness.
	 *
	 * @param recordsBehind Kafka end offsets minus Pinot's consuming offsets
	 * ({@code null}: unknown)
	 * @param lastIngestTime the newest row's ingestion time in Pinot
	 * @param lastIngestAgeMs {@code asOf − lastIngestTime}
	 * @param measuredAt when the offsets were compared
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Ingestion(@Nullable Long recordsBehind, @Nullable Long lastIngestTime, @Nullable Long lastIngestAgeMs,
			long measuredAt) {

	}

	/**
	 * One bucket of the window.
	 *
	 * @param start its start
	 * @param end its end (exclusive)
	 * @param isFinal whether it can no longer change (short of a late event, which
	 * invalidates it)
	 * @param fromCache whether its result came from the cache
	 */
	public record BucketInfo(long start, long end,
			@com.fasterxml.jackson.annotation.JsonProperty("final") boolean isFinal, boolean fromCache) {

	}

	/**
	 * One value.
	 *
	 * @param bucket the bucket's start (tumbling), else {@code null}
	 * @param group the group-by dimension values (topK: its dimension)
	 * @param value the measure
	 * @param rank 1 for the largest (topK), else {@code null}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Value(@Nullable Long bucket, Map<String, Object> group, double value, @Nullable Integer rank) {

	}

}
