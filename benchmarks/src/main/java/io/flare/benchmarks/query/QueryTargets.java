package io.flare.benchmarks.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flare.benchmarks.support.LatencySummary;
import org.jspecify.annotations.Nullable;

/**
 * The targets for the query service against this run's figures.
 *
 * @param name what is measured
 * @param target the bar, as the issue states it
 * @param actual this run's figure, or {@code null} when the run did not measure it
 * @param met whether the figure reaches the bar, or {@code null} when not measured
 * @param basis which figure is compared
 */
record QueryTargets(String name, String target, @Nullable Double actual, @Nullable Boolean met, String basis) {

	static final double UNCACHED_P99_MILLIS = 50;

	static final double CACHED_P99_MILLIS = 5;

	static final double QUERIES_PER_SECOND = 500;

	/**
	 * Compares the figures with every target.
	 * @param uncached per example, the uncaching service's latency on the star-tree table
	 * @param cached per example, the caching service's warm latency
	 * @param throughput the sustained load, if it ran
	 * @param failed per example, requests of those two measurements that got no answer (a
	 * metric with any does not meet its latency targets)
	 * @return one entry per target and example, then throughput
	 */
	static List<QueryTargets> evaluate(Map<String, LatencySummary> uncached, Map<String, LatencySummary> cached,
			ThroughputPhase.@Nullable Result throughput, Map<String, Integer> failed) {
		List<QueryTargets> targets = new ArrayList<>();
		for (String example : ExampleMetrics.NAMES) {
			targets.add(atMost("p99 latency uncached, " + example, "≤ 50 ms", p99(uncached.get(example)),
					UNCACHED_P99_MILLIS, "sequential requests, every one running its own Pinot query; ms",
					failed.getOrDefault(example, 0)));
		}
		for (String example : ExampleMetrics.NAMES) {
			targets.add(atMost("p99 latency cached, " + example, "≤ 5 ms", p99(cached.get(example)), CACHED_P99_MILLIS,
					"sequential requests to the caching service, warm; ms", failed.getOrDefault(example, 0)));
		}
		Double rate = (throughput != null) ? throughput.queriesPerSecond() : null;
		Boolean met = (throughput != null) ? rate >= QUERIES_PER_SECOND && throughput.errors() == 0 : null;
		targets.add(new QueryTargets("sustained throughput", "≥ 500 queries/s, no errors", rate, met,
				"2xx answers per second over the measured time, " + ((throughput != null) ? throughput.clients() : "?")
						+ " concurrent clients; met only without errors"));
		return targets;
	}

	private static @Nullable Double p99(@Nullable LatencySummary summary) {
		return (summary != null) ? summary.p99() : null;
	}

	private static QueryTargets atMost(String name, String target, @Nullable Double actual, double bar, String basis,
			int failed) {
		if (failed > 0) {
			return new QueryTargets(name, target, actual, false,
					basis + "; not met: " + failed + " requests of this metric got no answer");
		}
		return new QueryTargets(name, target, actual, (actual != null) ? actual <= bar : null, basis);
	}

}
