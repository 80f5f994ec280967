package io.flare.query.compile;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flare.query.TestCatalogs;
import io.flare.query.catalog.StarTreeSpec;
import io.flare.query.catalog.TableSchema;
import io.flare.query.definition.BucketSize;
import io.flare.query.definition.Filter;
import io.flare.query.definition.Measure;
import io.flare.query.definition.MeasureType;
import io.flare.query.definition.MetricDefinition;
import io.flare.query.definition.Parameter;
import io.flare.query.definition.RateUnit;
import io.flare.query.definition.Window;
import io.flare.query.definition.WindowKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Golden SQL for every measure and window kind.
 */
class MetricCompilerTests {

	/** 2023-11-14T22:13:25.500Z: mid-bucket for every bucket size. */
	private static final long NOW = 1_700_000_005_500L;

	private static final Window FIVE_MIN_SLIDING = new Window("5m", BucketSize.ONE_MINUTE, WindowKind.SLIDING);

	private static final Window HOUR_10S_TUMBLING = new Window("1h", BucketSize.TEN_SECONDS, WindowKind.TUMBLING);

	private static final String LAST_5M = "bucket1m >= 1699999740000 AND bucket1m < 1700000040000";

	@Test
	void shouldCompileCountPerBucketAlignedToTheBucket() {
		QueryPlan plan = compile(Measure.count(), List.of(), List.of("category"), HOUR_10S_TUMBLING, Map.of());
		assertThat(plan.sql()).isEqualTo("SELECT bucket10s, category, COUNT(*) FROM events"
				+ " WHERE bucket10s >= 1699996410000 AND bucket10s < 1700000010000"
				+ " GROUP BY bucket10s, category LIMIT 100000");
		assertThat(plan.bucketStarts()).hasSize(360).startsWith(1_699_996_410_000L).endsWith(1_700_000_000_000L);
		assertThat(plan.starTree().eligible()).isTrue();
	}

	@Test
	void shouldCompileSlidingSumPerBucketSoFinalBucketsCache() {
		QueryPlan plan = compile(Measure.of(MeasureType.SUM, "value"), List.of(Filter.eq("category", "tickets")),
				List.of(), FIVE_MIN_SLIDING, Map.of());
		assertThat(plan.sql()).isEqualTo("SELECT bucket1m, SUM(value) FROM events WHERE category = 'tickets' AND "
				+ LAST_5M + " GROUP BY bucket1m LIMIT 100000");
		assertThat(plan.perBucket()).isTrue();
		assertThat(plan.starTree().eligible()).isTrue();
	}

	@Test
	void shouldCompileAverageAsSumAndCount() {
		QueryPlan plan = compile(Measure.of(MeasureType.AVG, "value"), List.of(), List.of("country"), FIVE_MIN_SLIDING,
				Map.of());
		assertThat(plan.sql()).isEqualTo("SELECT bucket1m, country, SUM(value), COUNT(*) FROM events WHERE " + LAST_5M
				+ " GROUP BY bucket1m, country LIMIT 100000");
		assertThat(plan.starTree().eligible()).isTrue();
	}

	@Test
	void shouldCompileMinAndMax() {
		assertThat(
				compile(Measure.of(MeasureType.MIN, "value"), List.of(), List.of(), FIVE_MIN_SLIDING, Map.of()).sql())
			.isEqualTo("SELECT bucket1m, MIN(value) FROM events WHERE " + LAST_5M + " GROUP BY bucket1m LIMIT 100000");
		assertThat(
				compile(Measure.of(MeasureType.MAX, "value"), List.of(), List.of(), FIVE_MIN_SLIDING, Map.of()).sql())
			.isEqualTo("SELECT bucket1m, MAX(value) FROM events WHERE " + LAST_5M + " GROUP BY bucket1m LIMIT 100000");
	}

	@Test
	void shouldCompileRateAsCountPerBucket() {
		Measure rate = new Measure(MeasureType.RATE, null, RateUnit.SECOND, null, null, null);
		QueryPlan plan = compile(rate, List.of(), List.of("category"), HOUR_10S_TUMBLING, Map.of());
		assertThat(plan.sql()).startsWith("SELECT bucket10s, category, COUNT(*) FROM events");
		assertThat(plan.aggregates()).extracting(Aggregate::kind).containsExactly(Aggregate.Kind.SUM);
	}

	@Test
	void shouldCompileSlidingDistinctAsOneQueryOverTheWindow() {
		QueryPlan plan = compile(Measure.of(MeasureType.DISTINCT, "entityId"), List.of(), List.of("country"),
				new Window("1h", BucketSize.ONE_MINUTE, WindowKind.SLIDING), Map.of());
		assertThat(plan.sql()).isEqualTo("SELECT country, DISTINCTCOUNTHLL(entityId) FROM events"
				+ " WHERE bucket1m >= 1699996440000 AND bucket1m < 1700000040000 GROUP BY country LIMIT 100000");
		assertThat(plan.perBucket()).isFalse();
		assertThat(plan.starTree().eligible()).isFalse();
		assertThat(plan.starTree().reasons()).singleElement()
			.asString()
			.startsWith("DISTINCTCOUNTHLL(entityId) needs the pair DISTINCTCOUNTHLL__entityId");
	}

	@Test
	void shouldFindTheStarTreeThatAnswersAQuery() {
		StarTreeSpec countByCountry = new StarTreeSpec(List.of("country", "bucket1m"),
				Set.of("COUNT__*", "DISTINCTCOUNTHLL__entityId"));
		TableSchema events = TestCatalogs.eventsWithOneStarTree();
		TableSchema twoTrees = new TableSchema("events", events.columns(),
				List.of(events.starTrees().get(0), countByCountry));
		MetricDefinition distinct = new MetricDefinition("m", null, "events",
				Measure.of(MeasureType.DISTINCT, "entityId"), List.of(), List.of("country"), FIVE_MIN_SLIDING,
				Map.of());
		assertThat(MetricCompiler.compile(distinct, twoTrees, Map.of(), NOW).starTree().eligible()).isTrue();
		MetricDefinition byCategory = new MetricDefinition("c", null, "events", distinct.measure(), List.of(),
				List.of("category"), FIVE_MIN_SLIDING, Map.of());
		assertThat(MetricCompiler.compile(byCategory, twoTrees, Map.of(), NOW).starTree().reasons()).hasSize(1);
	}

	@Test
	void shouldCompileTumblingDistinctPerBucket() {
		QueryPlan plan = compile(Measure.of(MeasureType.DISTINCT, "entityId"), List.of(), List.of(),
				new Window("24h", BucketSize.ONE_HOUR, WindowKind.TUMBLING), Map.of());
		assertThat(plan.sql()).isEqualTo("SELECT bucket1h, DISTINCTCOUNTHLL(entityId) FROM events"
				+ " WHERE bucket1h >= 1699916400000 AND bucket1h < 1700002800000 GROUP BY bucket1h LIMIT 100000");
		assertThat(plan.perBucket()).isTrue();
	}

	@Test
	void shouldCompilePercentile() {
		Measure p95 = new Measure(MeasureType.PERCENTILE, "value", null, 95.0, null, null);
		QueryPlan plan = compile(p95, List.of(Filter.eq("type", "sale")), List.of(), FIVE_MIN_SLIDING, Map.of());
		assertThat(plan.sql()).isEqualTo(
				"SELECT PERCENTILETDIGEST(value, 95) FROM events WHERE type = 'sale' AND " + LAST_5M + " LIMIT 100000");
	}

	@Test
	void shouldCompileTopKWithADeterministicOrder() {
		Measure top = new Measure(MeasureType.TOP_K, null, null, null, "entityId", 10);
		QueryPlan plan = compile(top, List.of(Filter.eq("category", "${category}")), List.of(), FIVE_MIN_SLIDING,
				Map.of("category", Parameter.withDefault("sports")));
		assertThat(plan.sql()).isEqualTo("SELECT entityId, COUNT(*) FROM events WHERE category = 'sports' AND "
				+ LAST_5M + " GROUP BY entityId ORDER BY COUNT(*) DESC, entityId LIMIT 10");
		assertThat(plan.starTree().reasons()).singleElement().asString().contains("'entityId'");
	}

	@Test
	void shouldRenderInAndRangeFiltersWithTypedLiterals() {
		QueryPlan plan = compile(Measure.count(),
				List.of(Filter.in("type", List.of("goal", "card")), Filter.range("value", "0.50", "${max}"),
						Filter.eq("lat", "48.8")),
				List.of(), FIVE_MIN_SLIDING, Map.of("max", Parameter.withDefault("100")));
		assertThat(plan.predicates())
			.isEqualTo("type IN ('goal', 'card') AND value >= 0.5 AND value < 100 AND lat = 48.8");
		assertThat(plan.starTree().reasons()).extracting(Object::toString)
			.anyMatch((reason) -> reason.contains("'value'"))
			.anyMatch((reason) -> reason.contains("'lat'"));
	}

	@Test
	void shouldEscapeQuotesSoAParameterCannotEndTheLiteral() {
		QueryPlan plan = compile(Measure.count(), List.of(Filter.eq("category", "${category}")), List.of(),
				FIVE_MIN_SLIDING, Map.of("category", Parameter.required()),
				Map.of("category", "x' OR 1=1; DROP TABLE events --"));
		assertThat(plan.predicates()).isEqualTo("category = 'x'' OR 1=1; DROP TABLE events --'");
	}

	@Test
	void shouldRejectNonNumericParameterForNumericColumn() {
		ParameterException ex = assertThrows(ParameterException.class,
				() -> compile(Measure.count(), List.of(Filter.range("value", "${min}", null)), List.of(),
						FIVE_MIN_SLIDING, Map.of("min", Parameter.required()), Map.of("min", "1 OR 1=1")));
		assertThat(ex.errors()).containsExactly("min: '1 OR 1=1' is not a number");
	}

	@Test
	void shouldReportUnknownAndMissingParametersTogether() {
		ParameterException ex = assertThrows(ParameterException.class,
				() -> compile(Measure.count(), List.of(Filter.eq("entityId", "${show}")), List.of(), FIVE_MIN_SLIDING,
						Map.of("show", Parameter.required()), Map.of("shwo", "x")));
		assertThat(ex.errors()).containsExactly("shwo: unknown parameter; this metric takes [show]",
				"show: required (the metric has no default for it)");
	}

	@Test
	void shouldKeepTheShapeIndependentOfTime() {
		QueryPlan early = compile(Measure.count(), List.of(), List.of(), FIVE_MIN_SLIDING, Map.of());
		QueryPlan late = MetricCompiler.compile(early.definition(), TestCatalogs.eventsWithOneStarTree(), Map.of(),
				NOW + 3_600_000);
		assertThat(late.shape()).isEqualTo(early.shape()).contains("bucket1m >= ? AND bucket1m < ?");
		assertThat(late.sql()).isNotEqualTo(early.sql());
	}

	private static QueryPlan compile(Measure measure, List<Filter> filters, List<String> groupBy, Window window,
			Map<String, Parameter> parameters) {
		return compile(measure, filters, groupBy, window, parameters, Map.of());
	}

	private static QueryPlan compile(Measure measure, List<Filter> filters, List<String> groupBy, Window window,
			Map<String, Parameter> parameters, Map<String, String> request) {
		MetricDefinition definition = new MetricDefinition("m", null, "events", measure, filters, groupBy, window,
				parameters);
		return MetricCompiler.compile(definition, TestCatalogs.eventsWithOneStarTree(), request, NOW);
	}

}
