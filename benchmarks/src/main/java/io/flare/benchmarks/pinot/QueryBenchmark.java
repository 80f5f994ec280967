package io.flare.benchmarks.pinot;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.flare.benchmarks.support.Progress;
import io.flare.infra.testing.PinotBroker;

/**
 * Runs every query on every table, round-robin (query by query, the tables' order
 * alternating each round) so that noise on the machine hits all of them alike: first
 * unmeasured warm-up rounds, then measured ones.
 */
final class QueryBenchmark {

	private final PinotBroker broker;

	private final PrintStream out;

	private final SegmentCensus census;

	QueryBenchmark(PinotBroker broker, SegmentCensus census, PrintStream out) {
		this.broker = broker;
		this.census = census;
		this.out = out;
	}

	QueryResults run(Map<Variant, String> tables, long anchor, int warmup, int measured) {
		Map<String, SegmentsSnapshot> segments = new LinkedHashMap<>();
		tables.forEach((variant, table) -> segments.put(variant.id(), this.census.take(table)));
		List<Variant> variants = new ArrayList<>(tables.keySet());
		List<Variant> reversed = new ArrayList<>(variants);
		Collections.reverse(reversed);
		Map<BenchQuery, Map<Variant, QuerySamples>> samples = new EnumMap<>(BenchQuery.class);
		Map<BenchQuery, Map<Variant, JsonNode>> answers = new EnumMap<>(BenchQuery.class);
		for (BenchQuery query : BenchQuery.values()) {
			samples.put(query, new EnumMap<>(Variant.class));
			answers.put(query, new EnumMap<>(Variant.class));
			variants.forEach((variant) -> samples.get(query).put(variant, new QuerySamples(measured)));
		}
		Progress progress = new Progress(this.out, Duration.ofSeconds(5));
		for (int round = 0; round < warmup + measured; round++) {
			List<Variant> order = (round % 2 == 0) ? variants : reversed;
			for (BenchQuery query : BenchQuery.values()) {
				for (Variant variant : order) {
					long started = System.nanoTime();
					JsonNode response = this.broker.query(query.sql(tables.get(variant), anchor));
					double millis = (System.nanoTime() - started) / 1e6;
					if (round >= warmup) {
						samples.get(query).get(variant).add(millis, response);
					}
					answers.get(query).putIfAbsent(variant, response.path("resultTable"));
				}
			}
			progress.maybe(String.format("round %d/%d (%d warm-up)", round + 1, warmup + measured, warmup));
		}
		return results(tables, anchor, segments, samples, answers);
	}

	private static QueryResults results(Map<Variant, String> tables, long anchor,
			Map<String, SegmentsSnapshot> segments, Map<BenchQuery, Map<Variant, QuerySamples>> samples,
			Map<BenchQuery, Map<Variant, JsonNode>> answers) {
		List<QueryStats> stats = new ArrayList<>();
		List<QueryComparison> comparisons = new ArrayList<>();
		for (BenchQuery query : BenchQuery.values()) {
			Map<Variant, QueryStats> byVariant = new EnumMap<>(Variant.class);
			samples.get(query)
				.forEach((variant, runs) -> byVariant.put(variant,
						runs.stats(query, variant, query.sql(tables.get(variant), anchor))));
			stats.addAll(byVariant.values());
			if (byVariant.containsKey(Variant.STAR) && byVariant.containsKey(Variant.PLAIN)) {
				ResultComparison same = ResultComparison.of(answers.get(query).get(Variant.STAR),
						answers.get(query).get(Variant.PLAIN));
				comparisons
					.add(QueryComparison.of(query, byVariant.get(Variant.STAR), byVariant.get(Variant.PLAIN), same));
			}
		}
		Boolean allMatch = comparisons.isEmpty() ? null : comparisons.stream().allMatch(QueryComparison::resultsMatch);
		return new QueryResults(anchor, Instant.ofEpochMilli(anchor).toString(), segments, stats, comparisons,
				allMatch);
	}

}
