package io.flare.benchmarks.gateway;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The human summary printed at the end of a run.
 */
final class Summary {

	private final PrintStream out;

	Summary(PrintStream out) {
		this.out = out;
	}

	@SuppressWarnings("unchecked")
	void print(Map<String, Object> results, Path file) {
		this.out.println();
		this.out.println("Dashboard gateway benchmark (" + results.get("command") + ")");
		this.out.println("  background load: " + results.get("backgroundLoad"));
		if (results.get("push") instanceof Map<?, ?> push) {
			this.out.println("  push latency: " + push.get("latencyMs") + "; probes seen " + push.get("probesSeen")
					+ " of " + push.get("probesAccepted") + " accepted");
		}
		if (results.get("fanout") instanceof Map<?, ?> fanout) {
			this.out.println("  fan-out: " + fanout.get("withFirstSnapshot") + " of " + fanout.get("subscriptions")
					+ " subscriptions with a snapshot over " + fanout.get("distinctKeys") + " keys in "
					+ fanout.get("establishedMs") + " ms; gateway heap " + fanout.get("gatewayHeapAfterGcMb")
					+ " MB after GC (max seen " + fanout.get("gatewayHeapMaxObservedMb") + " MB), RSS "
					+ fanout.get("gatewayRssMb") + " MB");
		}
		if (results.get("queries") instanceof Map<?, ?> queries && queries.get("one") instanceof Map<?, ?> one
				&& queries.get("many") instanceof Map<?, ?> many) {
			this.out.println("  Pinot queries/s: " + one.get("pinotQueriesPerSecond") + " with 1 subscriber, "
					+ many.get("pinotQueriesPerSecond") + " with " + many.get("subscribers") + "; ratio "
					+ queries.get("ratio"));
		}
		for (Map<String, Object> target : (List<Map<String, Object>>) results.get("targets")) {
			Object met = target.get("met");
			this.out.println("  [" + ((met == null) ? "not measured" : (Boolean.TRUE.equals(met) ? "met" : "NOT met"))
					+ "] " + target.get("figure") + ": " + target.get("value") + " (target " + target.get("bar") + ")");
		}
		this.out.println("  status: " + results.get("status") + " " + results.get("errors"));
		this.out.println("  results: " + file);
	}

}
