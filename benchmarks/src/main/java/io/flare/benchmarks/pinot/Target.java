package io.flare.benchmarks.pinot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One of the targets ("Table design by measurement") against this run's figure.
 *
 * @param name what is measured
 * @param target the bar, as the issue states it
 * @param actual this run's figure, or {@code null} when the run did not measure it
 * @param met whether the figure reaches the bar, or {@code null} when not measured
 * @param basis which figure is compared
 */
record Target(String name, String target, @Nullable Double actual, @Nullable Boolean met, String basis) {

	static final double INGEST_ROWS_PER_SECOND = 30_000;

	static final double P99_MILLIS = 50;

	static final double SPEEDUP = 10;

	/**
	 * Compares the run's figures with every target.
	 * @param starIngestion the star-tree table's ingestion, if measured
	 * @param queries the query phase, if it ran
	 * @return one entry per target, in the order
	 */
	static List<Target> evaluate(IngestionWatcher.@Nullable IngestionResult starIngestion,
			@Nullable QueryResults queries) {
		List<Target> targets = new ArrayList<>();
		Double ingest = (starIngestion != null) ? (double) starIngestion.rowsPerSecond() : null;
		targets.add(atLeast("ingestion into the star-tree table", "≥ 30,000 rows/s", ingest, INGEST_ROWS_PER_SECOND,
				"overall rows/s from table creation to the last row visible"));
		for (BenchQuery query : BenchQuery.values()) {
			Double p99 = starStats(queries, query).map((stats) -> stats.clientMs().p99()).orElse(null);
			boolean measured = p99 != null;
			targets.add(new Target("p99 latency of query (" + query.id() + ") on the star-tree table", "≤ 50 ms", p99,
					measured ? p99 <= P99_MILLIS : null, "client-observed p99, milliseconds"));
		}
		for (BenchQuery query : List.of(BenchQuery.COUNTS_PER_10S, BenchQuery.SUM_PER_CATEGORY)) {
			Double speedup = comparison(queries, query).map(QueryComparison::p50Ratio).orElse(null);
			targets.add(atLeast("star-tree speed-up on query (" + query.id() + ")", "≥ 10×", speedup, SPEEDUP,
					"plain p50 / star p50, client-observed"));
		}
		return targets;
	}

	private static Target atLeast(String name, String target, @Nullable Double actual, double bar, String basis) {
		return new Target(name, target, actual, (actual != null) ? actual >= bar : null, basis);
	}

	private static Optional<QueryStats> starStats(@Nullable QueryResults queries, BenchQuery query) {
		return (queries != null) ? queries.stats()
			.stream()
			.filter((stats) -> stats.query().equals(query.id()) && stats.variant().equals(Variant.STAR.id()))
			.findFirst() : Optional.empty();
	}

	private static Optional<QueryComparison> comparison(@Nullable QueryResults queries, BenchQuery query) {
		return (queries != null)
				? queries.comparisons().stream().filter((c) -> c.query().equals(query.id())).findFirst()
				: Optional.empty();
	}

}
