package io.flare.benchmarks.pinot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flare.benchmarks.support.LatencySummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TargetTests {

	@Test
	void shouldJudgeEveryTargetOfTheIssue() {
		List<QueryStats> stats = new ArrayList<>();
		List<QueryComparison> comparisons = new ArrayList<>();
		for (BenchQuery query : BenchQuery.values()) {
			double starP99 = (query == BenchQuery.TOP_ENTITIES) ? 80 : 20;
			stats.add(stats(query, Variant.STAR, starP99));
			stats.add(stats(query, Variant.PLAIN, 300));
			double speedup = (query == BenchQuery.SUM_PER_CATEGORY) ? 4 : 12;
			comparisons.add(new QueryComparison(query.id(), query.description(), speedup, speedup, null, true, null));
		}
		List<Target> targets = Target.evaluate(ingestion(31_000),
				new QueryResults(0, "", Map.of(), stats, comparisons, true));

		assertThat(targets).extracting(Target::met).containsExactly(true, false, true, true, true, true, false);
		assertThat(targets).extracting(Target::actual).containsExactly(31_000.0, 80.0, 20.0, 20.0, 20.0, 12.0, 4.0);
		assertThat(targets.get(0).name()).isEqualTo("ingestion into the star-tree table");
		assertThat(targets.get(5).name()).isEqualTo("star-tree speed-up on query (b)");
	}

	@Test
	void shouldCountTheBarItselfAsMet() {
		List<Target> targets = Target.evaluate(ingestion(30_000), null);
		assertThat(targets.get(0).met()).isTrue();
	}

	@Test
	void shouldLeaveUnmeasuredTargetsUndecided() {
		List<QueryStats> starOnly = new ArrayList<>();
		for (BenchQuery query : BenchQuery.values()) {
			starOnly.add(stats(query, Variant.STAR, 10));
		}
		List<Target> targets = Target.evaluate(null, new QueryResults(0, "", Map.of(), starOnly, List.of(), null));
		assertThat(targets).extracting(Target::met).containsExactly(null, true, true, true, true, null, null);
		assertThat(targets.get(0).actual()).isNull();
	}

	private static QueryStats stats(BenchQuery query, Variant variant, double p99) {
		LatencySummary latency = new LatencySummary(200, p99 / 2, p99 * 0.9, p99, p99 * 2);
		return new QueryStats(query.id(), variant.id(), "SELECT 1", latency, latency, 10, 100, 8, 8);
	}

	private static IngestionWatcher.IngestionResult ingestion(long rowsPerSecond) {
		return new IngestionWatcher.IngestionResult(5_000_000, 2.0, 5_000_000.0 / rowsPerSecond, rowsPerSecond,
				rowsPerSecond, new SegmentsSnapshot(208, 8, 40_000));
	}

}
