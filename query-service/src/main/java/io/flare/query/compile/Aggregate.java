package io.flare.query.compile;

/**
 * One aggregation a compiled query selects, in select-list order.
 *
 * @param function how Pinot writes it, e.g. {@code COUNT(*)}
 * @param starTreePair the star-tree function-column pair that answers it, e.g.
 * {@code COUNT__*}
 * @param kind how partial results of it combine
 */
public record Aggregate(String function, String starTreePair, Kind kind) {

	/** How partial (per-bucket) results combine. */
	public enum Kind {

		/** Add up (counts, sums). */
		SUM,

		/** Take the smallest. */
		MIN,

		/** Take the largest. */
		MAX,

		/** Cannot combine (distinct, percentile): queried over the whole range. */
		NONE

	}

}
