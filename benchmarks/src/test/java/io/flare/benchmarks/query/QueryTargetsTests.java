package io.flare.benchmarks.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flare.benchmarks.support.LatencySummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryTargetsTests {

	@Test
	void shouldCompareEveryExampleAndTheThroughput() {
		Map<String, LatencySummary> uncached = new LinkedHashMap<>();
		Map<String, LatencySummary> cached = new LinkedHashMap<>();
		for (String example : ExampleMetrics.NAMES) {
			uncached.put(example, p99(50));
			cached.put(example, p99(4.5));
		}
		uncached.put("events-per-second", p99(50.01));
		cached.put("trending-entities", p99(5.2));
		ThroughputPhase.Result load = new ThroughputPhase.Result(50, 30, 15_000, 15_000, 500, p99(40), 0, Map.of(), 3,
				0.0);
		List<QueryTargets> targets = QueryTargets.evaluate(uncached, cached, load, Map.of());
		assertThat(targets).hasSize(11);
		assertThat(targets).filteredOn((target) -> Boolean.FALSE.equals(target.met()))
			.extracting(QueryTargets::name)
			.containsExactly("p99 latency uncached, events-per-second", "p99 latency cached, trending-entities");
		assertThat(targets.get(10).met()).isTrue();
	}

	@Test
	void shouldNotMeetThroughputWithErrorsAndLeaveWhatDidNotRunUnmeasured() {
		ThroughputPhase.Result load = new ThroughputPhase.Result(50, 30, 30_001, 30_000, 1000, p99(40), 1,
				Map.of("HTTP 503", 1L), 3, 0.0);
		List<QueryTargets> targets = QueryTargets.evaluate(Map.of(), Map.of(), load, Map.of());
		assertThat(targets.get(0).met()).isNull();
		assertThat(targets.get(0).actual()).isNull();
		assertThat(targets.get(10).met()).isFalse();
		assertThat(QueryTargets.evaluate(Map.of(), Map.of(), null, Map.of()).get(10).met()).isNull();
	}

	@Test
	void shouldNotMeetALatencyTargetOfAMetricWithFailedRequests() {
		Map<String, LatencySummary> fast = new LinkedHashMap<>();
		ExampleMetrics.NAMES.forEach((example) -> fast.put(example, p99(1)));
		List<QueryTargets> targets = QueryTargets.evaluate(fast, fast, null, Map.of("events-per-second", 2));
		assertThat(targets).filteredOn((target) -> Boolean.FALSE.equals(target.met()))
			.extracting(QueryTargets::name)
			.containsExactly("p99 latency uncached, events-per-second", "p99 latency cached, events-per-second");
		assertThat(targets.get(1).basis()).endsWith("not met: 2 requests of this metric got no answer");
	}

	private static LatencySummary p99(double millis) {
		return new LatencySummary(100, millis / 2, millis, millis, millis);
	}

}
