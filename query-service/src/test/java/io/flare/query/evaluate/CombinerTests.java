package io.flare.query.evaluate;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.flare.query.TestCatalogs;
import io.flare.query.compile.MetricCompiler;
import io.flare.query.compile.QueryPlan;
import io.flare.query.definition.BucketSize;
import io.flare.query.definition.Measure;
import io.flare.query.definition.MeasureType;
import io.flare.query.definition.MetricDefinition;
import io.flare.query.definition.RateUnit;
import io.flare.query.definition.Window;
import io.flare.query.definition.WindowKind;
import io.flare.query.evaluate.MetricResult.Value;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CombinerTests {

	/** 30 s into the minute starting at 1_699_999_980_000. */
	private static final long NOW = 1_700_000_010_000L;

	@Test
	void shouldMergeAveragesFromSumsAndCountsNotFromAverages() {
		QueryPlan plan = plan(Measure.of(MeasureType.AVG, "value"), WindowKind.SLIDING, List.of("country"));
		SortedMap<Long, List<List<Object>>> buckets = new TreeMap<>();
		buckets.put(1L, List.of(List.of("FR", 10.0, 1L), List.of("US", 4.0, 2L)));
		buckets.put(2L, List.of(List.of("FR", 20.0, 3L)));
		assertThat(Combiner.merged(plan, buckets, plan.now())).containsExactly(
				new Value(null, Map.of("country", "FR"), 7.5, null),
				new Value(null, Map.of("country", "US"), 2.0, null));
	}

	@Test
	void shouldMergeMinimaAndMaxima() {
		QueryPlan min = plan(Measure.of(MeasureType.MIN, "value"), WindowKind.SLIDING, List.of());
		QueryPlan max = plan(Measure.of(MeasureType.MAX, "value"), WindowKind.SLIDING, List.of());
		SortedMap<Long, List<List<Object>>> buckets = new TreeMap<>();
		buckets.put(1L, List.of(List.of(3.0)));
		buckets.put(2L, List.of(List.of(-1.0)));
		assertThat(Combiner.merged(min, buckets, min.now())).extracting(Value::value).containsExactly(-1.0);
		assertThat(Combiner.merged(max, buckets, max.now())).extracting(Value::value).containsExactly(3.0);
	}

	@Test
	void shouldDivideRatesByTheElapsedPartOfTheLiveBucket() {
		Measure perSecond = new Measure(MeasureType.RATE, null, RateUnit.SECOND, null, null, null);
		QueryPlan plan = plan(perSecond, WindowKind.TUMBLING, List.of());
		long live = 1_699_999_980_000L;
		SortedMap<Long, List<List<Object>>> buckets = new TreeMap<>();
		buckets.put(live - 60_000, List.of(List.of(120L)));
		buckets.put(live, List.of(List.of(60L)));
		assertThat(Combiner.perBucket(plan, buckets, plan.now()))
			.containsExactly(new Value(live - 60_000, Map.of(), 2.0, null), new Value(live, Map.of(), 2.0, null));
	}

	@Test
	void shouldDivideALiveBucketsCountReadAMomentAgoByTheTimeItHadRunThen() {
		Measure perSecond = new Measure(MeasureType.RATE, null, RateUnit.SECOND, null, null, null);
		QueryPlan plan = plan(perSecond, WindowKind.TUMBLING, List.of());
		long live = 1_699_999_980_000L;
		SortedMap<Long, List<List<Object>>> buckets = new TreeMap<>();
		buckets.put(live, List.of(List.of(40L)));
		// 40 events in the bucket's first 20 s (read then), not in the 30 s it has run
		// now
		assertThat(Combiner.perBucket(plan, buckets, NOW - 10_000)).extracting(Value::value).containsExactly(2.0);
		Measure sliding = new Measure(MeasureType.RATE, null, RateUnit.SECOND, null, null, null);
		QueryPlan window = plan(sliding, WindowKind.SLIDING, List.of());
		long ran = NOW - 10_000 - window.windowStart();
		assertThat(Combiner.merged(window, buckets, NOW - 10_000)).extracting(Value::value)
			.containsExactly(40.0 * 1000 / ran);
	}

	@Test
	void shouldRankTopK() {
		QueryPlan plan = plan(new Measure(MeasureType.TOP_K, null, null, null, "entityId", 2), WindowKind.SLIDING,
				List.of());
		assertThat(Combiner.whole(plan, List.of(List.of("a", 9L), List.of("b", 4L)), plan.now())).containsExactly(
				new Value(null, Map.of("entityId", "a"), 9, 1), new Value(null, Map.of("entityId", "b"), 4, 2));
	}

	private static QueryPlan plan(Measure measure, WindowKind kind, List<String> groupBy) {
		MetricDefinition definition = new MetricDefinition("m", null, "events", measure, List.of(), groupBy,
				new Window("5m", BucketSize.ONE_MINUTE, kind), Map.of());
		return MetricCompiler.compile(definition, TestCatalogs.events(), Map.of(), NOW);
	}

}
