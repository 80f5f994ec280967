package io.flare.query.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.flare.infra.stack.StackProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Every measure, evaluated through the API against the real stack, equals an independent
 * computation over the generated dataset — which has late (older than the watermark),
 * duplicate (same eventId sent again) and out-of-order events. Counts, sums, averages,
 * minima, maxima, rates and top-K are exact; distinct counts within HyperLogLog's error;
 * percentiles within t-digest's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricExactnessIT extends StackTestSupport {

	private static final List<String> CATEGORIES = List.of("sports", "movies", "tickets", "news");

	private static final List<String> COUNTRIES = List.of("FR", "US", "DE", "JP", "BR", "IN");

	private final String source = unique("exact");

	private final List<Event> unique = new ArrayList<>();

	private String prefix;

	@BeforeAll
	void produce(StackProperties stack) throws Exception {
		this.prefix = unique("it");
		Random random = new Random(42);
		long now = System.currentTimeMillis();
		long base = now - 30 * 60_000;
		// the newest event first: every other event arrives after the watermark passed it
		this.unique.add(new Event(this.source + "-head", "news", "e0", now, "FR", 7));
		for (int i = 0; i < 2_000; i++) {
			double r = random.nextDouble();
			this.unique
				.add(new Event(this.source + "-" + i, CATEGORIES.get(random.nextInt(4)), "e" + (int) (30 * r * r),
						base + random.nextInt(20 * 60_000), COUNTRIES.get(random.nextInt(6)), 1 + random.nextInt(500)));
		}
		List<Event> deliveries = new ArrayList<>(this.unique.subList(1, this.unique.size()));
		deliveries.addAll(this.unique.subList(1, 301));
		Collections.shuffle(deliveries, random);
		try (TestEvents events = new TestEvents(stack)) {
			events.send(List.of(this.unique.get(0).json(this.source)));
			events.send(deliveries.stream().map((event) -> event.json(this.source)).toList());
			events.awaitConsumed();
		}
	}

	@AfterAll
	void deleteMetrics() {
		for (String kind : List.of("count", "sum", "top", "distinct", "stats-avg", "stats-min", "stats-max", "rate",
				"p90", "live")) {
			this.client.delete().uri("/v1/metrics/{name}", this.prefix + "-" + kind).exchange().expectBody(Void.class);
		}
	}

	@Test
	void shouldCountEveryUniqueEventOnceAndAnswerTheSameFromCache() {
		define("count", "{\"type\":\"count\"}", "[]", "sliding");
		await("the watermark scan saw the source").atMost(seconds(10))
			.until(() -> result("count").path("buckets").get(0).path("final").asBoolean());
		JsonNode first = result("count");
		assertThat(first.at("/values/0/value").asDouble()).isEqualTo(this.unique.size());
		JsonNode second = result("count");
		assertThat(second.at("/values/0/value").asDouble()).isEqualTo(this.unique.size());
		assertThat(second.path("cachedBuckets").asInt()).as("final buckets answered from the cache").isPositive();
		assertThat(second.path("starTreeEligible").asBoolean()).isTrue();
	}

	@Test
	void shouldSumPerBucketAndCategoryExactly() {
		define("sum", "{\"type\":\"sum\",\"column\":\"value\"}", "[\"category\"]", "tumbling");
		Map<String, Double> expected = new TreeMap<>();
		for (Event event : this.unique) {
			expected.merge((event.time() / 60_000 * 60_000) + "/" + event.category(), event.value(), Double::sum);
		}
		Map<String, Double> actual = new TreeMap<>();
		for (JsonNode value : result("sum").path("values")) {
			actual.put(value.path("bucket").asLong() + "/" + value.at("/group/category").asString(),
					value.path("value").asDouble());
		}
		assertThat(actual).isEqualTo(expected);
	}

	@Test
	void shouldRankTheTopEntitiesExactly() {
		define("top", "{\"type\":\"topK\",\"by\":\"entityId\",\"k\":5}", "[]", "sliding");
		Map<String, Long> counts = this.unique.stream()
			.collect(Collectors.groupingBy(Event::entity, Collectors.counting()));
		List<String> expected = counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.limit(5)
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toList();
		List<String> actual = new ArrayList<>();
		for (JsonNode value : result("top").path("values")) {
			actual.add(value.at("/group/entityId").asString() + "=" + (long) value.path("value").asDouble());
		}
		assertThat(actual).isEqualTo(expected);
	}

	@Test
	void shouldCountDistinctEntitiesPerCountryWithinHyperLogLogError() {
		define("distinct", "{\"type\":\"distinct\",\"column\":\"entityId\"}", "[\"country\"]", "sliding");
		Map<String, Set<String>> expected = new HashMap<>();
		this.unique.forEach((e) -> expected.computeIfAbsent(e.country(), (c) -> new HashSet<>()).add(e.entity()));
		JsonNode values = result("distinct").path("values");
		assertThat(values).hasSize(expected.size());
		for (JsonNode value : values) {
			int exact = expected.get(value.at("/group/country").asString()).size();
			assertThat(value.path("value").asDouble()).isCloseTo(exact, within(Math.max(2, exact * 0.1)));
		}
	}

	@Test
	void shouldAverageAndBoundPerCountryExactly() {
		Map<String, List<Double>> byCountry = new HashMap<>();
		this.unique.forEach((e) -> byCountry.computeIfAbsent(e.country(), (c) -> new ArrayList<>()).add(e.value()));
		for (String measure : List.of("avg", "min", "max")) {
			define("stats-" + measure, "{\"type\":\"" + measure + "\",\"column\":\"value\"}", "[\"country\"]",
					"sliding");
			for (JsonNode value : result("stats-" + measure).path("values")) {
				List<Double> values = byCountry.get(value.at("/group/country").asString());
				double expected = switch (measure) {
					case "avg" -> values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
					case "min" -> Collections.min(values);
					default -> Collections.max(values);
				};
				assertThat(value.path("value").asDouble()).as(measure).isCloseTo(expected, within(1e-9));
			}
		}
	}

	@Test
	void shouldComputeTheRateOverTheElapsedWindow() {
		define("rate", "{\"type\":\"rate\",\"per\":\"second\"}", "[]", "sliding");
		JsonNode result = result("rate");
		// the rate is as of the moment its rows were read: a live result shared from a
		// moment ago holds the count of that moment (queriedAt), not of asOf
		long asOf = result.path("asOf").asLong();
		long readAt = result.hasNonNull("queriedAt") ? Math.min(asOf, result.path("queriedAt").asLong()) : asOf;
		double elapsedSeconds = (readAt - result.at("/window/start").asLong()) / 1000.0;
		assertThat(result.at("/values/0/value").asDouble()).isCloseTo(this.unique.size() / elapsedSeconds,
				within(1e-9));
	}

	@Test
	void shouldEstimateThePercentileWithinTDigestError() {
		define("p90", "{\"type\":\"percentile\",\"column\":\"value\",\"percentile\":90}", "[]", "sliding");
		List<Double> sorted = this.unique.stream().map(Event::value).sorted().toList();
		double exact = sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1);
		assertThat(result("p90").at("/values/0/value").asDouble()).isCloseTo(exact, within(15.0));
	}

	@Test
	void shouldPageThroughTheRawEventsOfABucket() {
		define("count", "{\"type\":\"count\"}", "[]", "sliding");
		long bucket = this.unique.get(1).time() / 60_000 * 60_000;
		long expected = this.unique.stream().filter((e) -> e.time() / 60_000 * 60_000 == bucket).count();
		Set<String> seen = new HashSet<>();
		for (int page = 0; page * 20 < expected + 20; page++) {
			JsonNode rows = get("/v1/metrics/" + this.prefix + "-count/drilldown?source=" + this.source + "&bucket="
					+ bucket + "&size=20&page=" + page)
				.path("rows");
			assertThat(rows.size()).isLessThanOrEqualTo(20);
			rows.forEach((row) -> seen.add(row.toString()));
		}
		assertThat(seen).hasSize((int) expected);
	}

	@Test
	void shouldShareTheLiveEdgeUnlessTheCallerAsksForWhatPinotHoldsNow() {
		define("live", "{\"type\":\"count\"}", "[\"country\"]", "tumbling");
		String uri = "/v1/metrics/" + this.prefix + "-live/result?source=" + this.source;
		// the first answer caches the final buckets: the next ones query only the live
		// edge
		get(uri);
		JsonNode first = get(uri);
		JsonNode shared = get(uri);
		while (shared.at("/window/end").asLong() != first.at("/window/end").asLong()) {
			// the window slid to the next minute between the two: another live edge
			first = shared;
			shared = get(uri);
		}
		assertThat(first.path("cachedBuckets").asInt()).isPositive();
		assertThat(shared.path("pinotQueries").asInt()).as("the live edge shared").isZero();
		assertThat(shared.path("fromCache").asBoolean()).isTrue();
		assertThat(shared.path("queriedAt").asLong()).isLessThanOrEqualTo(shared.path("asOf").asLong());
		JsonNode fresh = get(uri, "no-cache");
		assertThat(fresh.path("pinotQueries").asInt()).as("Cache-Control: no-cache runs its own query").isEqualTo(1);
		assertThat(fresh.path("fromCache").asBoolean()).isFalse();
		assertThat(fresh.path("cachedBuckets").asInt()).as("final buckets still from the cache").isPositive();
		assertThat(fresh.path("queriedAt").asLong()).isGreaterThan(shared.path("queriedAt").asLong());
		for (JsonNode answer : List.of(shared, fresh)) {
			double total = 0;
			for (JsonNode value : answer.path("values")) {
				total += value.path("value").asDouble();
			}
			assertThat(total).isEqualTo(this.unique.size());
		}
	}

	private void define(String kind, String measure, String groupBy, String windowKind) {
		put(this.prefix + "-" + kind, """
				{"table":"events","measure":%s,"groupBy":%s,
				 "filters":[{"column":"source","op":"eq","value":"${source}"}],
				 "window":{"size":"1h","bucket":"1m","kind":"%s"},
				 "parameters":{"source":{}}}""".formatted(measure, groupBy, windowKind));
	}

	private JsonNode result(String kind) {
		return result(this.prefix + "-" + kind, "?source=" + this.source);
	}

	private record Event(String id, String category, String entity, long time, String country, double value) {

		Map<String, Object> json(String source) {
			return TestEvents.event(this.id, source, this.category, this.entity, this.time, this.country, this.value);
		}

	}

}
