package io.flare.benchmarks.query;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.flare.benchmarks.support.LatencySummary;

/** Prints a run's figures for people: per metric, throughput, targets. */
final class QuerySummary {

	private final PrintStream out;

	QuerySummary(PrintStream out) {
		this.out = out;
	}

	@SuppressWarnings("unchecked")
	void print(Map<String, Object> results, List<QueryTargets> targets, Path file) {
		this.out.println();
		this.out.println("Query service benchmark, run " + results.get("runId") + " (" + results.get("status") + ")");
		if (results.get("dataAtQueries") instanceof Map<?, ?> data) {
			this.out.printf("events: %,d rows in the last hour of 'events' when the queries started (%,d in all)%n",
					data.get("rowsInLastHour"), data.get("totalRows"));
		}
		if (results.get("metrics") instanceof Map<?, ?> metrics && !metrics.isEmpty()) {
			this.out.println("latency p50 / p99 ms    pinot direct   uncached      no star-tree  cached      "
					+ "cached/uncached p50  star/plain p50");
			metrics.forEach((name, value) -> line((String) name, (Map<String, Object>) value));
		}
		if (results.get("throughput") instanceof ThroughputPhase.Result load) {
			this.out.printf(
					"throughput: %,.1f queries/s with %d clients over %.0f s, p50 / p99 %s ms, %d errors %s, "
							+ "%.3f Pinot queries per answer%n",
					load.queriesPerSecond(), load.clients(), load.seconds(),
					(load.latencyMs() != null) ? pair(load.latencyMs()) : "-", load.errors(), load.errorsByKind(),
					load.pinotQueriesPerAnswer());
		}
		this.out.println("targets:");
		for (QueryTargets target : targets) {
			String met = (target.met() == null) ? "not measured" : target.met() ? "met" : "NOT met";
			this.out.printf("  %-50s %-28s %10s  %s%n", target.name(), target.target(),
					(target.actual() != null) ? target.actual() : "-", met);
		}
		if (results.get("error") != null) {
			this.out.println("error: " + results.get("error"));
		}
		this.out.println("results: " + file);
	}

	@SuppressWarnings("unchecked")
	private void line(String name, Map<String, Object> figures) {
		Map<String, LatencySummary> direct = (Map<String, LatencySummary>) figures.get("pinotDirect");
		Map<String, LatencySummary> uncached = (Map<String, LatencySummary>) figures.get("uncached");
		LatencySummary cached = (LatencySummary) figures.get("cached");
		this.out.printf("  %-28s %-14s %-13s %-13s %-11s %-20s %s%n", name, pair(direct.get("star")),
				pair(uncached.get("star")), pair(uncached.get("plain")), pair(cached),
				((Ratios) figures.get("cachedOverUncached")).p50(), ((Ratios) figures.get("starOverPlain")).p50());
	}

	private static String pair(LatencySummary summary) {
		return String.format("%.1f / %.1f", summary.p50(), summary.p99());
	}

}
