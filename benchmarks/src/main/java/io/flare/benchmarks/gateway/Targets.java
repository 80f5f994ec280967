package io.flare.benchmarks.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.flare.benchmarks.support.LatencySummary;

/**
 * The targets against what the run measured; {@code met} is {@code null} when the
 * run did not measure the figure.
 */
final class Targets {

	private Targets() {
	}

	static List<Map<String, Object>> of(Map<String, Object> results) {
		List<Map<String, Object>> targets = new ArrayList<>();
		targets.add(target("push latency p99, ms (ingest accepted → update at the subscriber)",
				"<= " + PushLatencyPhase.TARGET_P99_MS, pushP99(results.get("push")), PushLatencyPhase.TARGET_P99_MS,
				false));
		targets.add(target("probes seen within --probe-wait of the last one ÷ probes accepted",
				">= " + PushLatencyPhase.TARGET_SEEN_SHARE, number(results.get("push"), "probesSeenShare"),
				PushLatencyPhase.TARGET_SEEN_SHARE, true));
		targets.add(target("gateway heap with every subscription live, MB (after a full GC, else the largest seen)",
				"<= " + FanOutPhase.TARGET_HEAP_BYTES / (1024 * 1024), heapMb(results.get("fanout")),
				FanOutPhase.TARGET_HEAP_BYTES / (1024.0 * 1024), false));
		targets.add(target("Pinot queries/s with many subscribers ÷ with one", "<= " + QueryRatePhase.TARGET_RATIO,
				number(results.get("queries"), "ratio"), QueryRatePhase.TARGET_RATIO, false));
		return targets;
	}

	private static Map<String, Object> target(String figure, String bar, @Nullable Double value, double limit,
			boolean atLeast) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("figure", figure);
		json.put("bar", bar);
		json.put("value", value);
		json.put("met", (value == null) ? null : (atLeast ? value >= limit : value <= limit));
		return json;
	}

	static @Nullable Double pushP99(@Nullable Object push) {
		if (push instanceof Map<?, ?> map && map.get("latencyMs") instanceof LatencySummary latency) {
			return latency.p99();
		}
		return null;
	}

	static @Nullable Double heapMb(@Nullable Object fanout) {
		Double afterGc = number(fanout, "gatewayHeapAfterGcMb");
		return (afterGc != null) ? afterGc : number(fanout, "gatewayHeapMaxObservedMb");
	}

	static @Nullable Double number(@Nullable Object phase, String key) {
		if (phase instanceof Map<?, ?> map && map.get(key) instanceof Number number && number.doubleValue() >= 0) {
			return number.doubleValue();
		}
		return null;
	}

}
