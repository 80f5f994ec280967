package io.flare.benchmarks.pinot;

import org.jspecify.annotations.Nullable;

/**
 * One query on the plain table against the star-tree table.
 *
 * @param query the query's letter
 * @param description what it asks
 * @param p50Ratio plain p50 / star p50, client-observed: the star-tree's speed-up
 * @param p99Ratio plain p99 / star p99, client-observed
 * @param pinotP50Ratio the same ratio of the broker's {@code timeUsedMs} p50, or
 * {@code null} when star's is 0 ms
 * @param resultsMatch whether both tables answered alike (see {@link ResultComparison})
 * @param difference the first difference when they did not
 */
record QueryComparison(String query, String description, double p50Ratio, double p99Ratio,
		@Nullable Double pinotP50Ratio, boolean resultsMatch, @Nullable String difference) {

	static QueryComparison of(BenchQuery query, QueryStats star, QueryStats plain, ResultComparison results) {
		double pinotStar = star.pinotMs().p50();
		Double pinotRatio = (pinotStar > 0) ? ratio(plain.pinotMs().p50(), pinotStar) : null;
		return new QueryComparison(query.id(), query.description(),
				ratio(plain.clientMs().p50(), star.clientMs().p50()),
				ratio(plain.clientMs().p99(), star.clientMs().p99()), pinotRatio, results.same(), results.difference());
	}

	private static double ratio(double plain, double star) {
		return Math.round(plain / star * 100) / 100.0;
	}

}
