package io.flare.benchmarks.gateway;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.Disposable;

/**
 * Phase 3: Pinot queries per second with 1 and with N identical subscribers of one metric
 * that the background load keeps changing (top-10 entities of the run's load source, last
 * five minutes), each over the same interval. The Pinot query rate is read from the run's
 * own query service, which only this gateway uses: it times every query it sends to Pinot
 * ({@code flare_query_pinot_queries_seconds_count}, summed over outcomes). The gateway's
 * {@code flare_gateway_evaluations_total} and the query service's
 * {@code /v1/metrics/{name}/result} request count are recorded beside it.
 */
final class QueryRatePhase {

	static final double TARGET_RATIO = 1.2;

	private static final long SETTLE_MILLIS = 5_000;

	private final Services services;

	private final GatewayOptions options;

	private final PrintStream out;

	QueryRatePhase(Services services, GatewayOptions options, PrintStream out) {
		this.services = services;
		this.options = options;
		this.out = out;
	}

	/** The metric's definition: the load source's top-10 entities, last five minutes. */
	static String definition(String loadSource) {
		return """
				{"description": "benchmark shared metric: top entities of the load", "table": "events",
				 "measure": {"type": "topK", "by": "entityId", "k": 10},
				 "filters": [{"column": "source", "op": "eq", "value": "%s"}],
				 "window": {"size": "5m", "bucket": "10s", "kind": "sliding"}}""".formatted(loadSource);
	}

	Map<String, Object> run(String metric) throws IOException, InterruptedException {
		List<GatewayConnection> connections = new ArrayList<>();
		List<Disposable> subscriptions = new ArrayList<>();
		StreamTally tally = new StreamTally();
		try {
			for (int c = 0; c < Math.min(this.options.connections(), this.options.subscribers()); c++) {
				connections.add(GatewayConnection.open(this.services.gatewayRsocket(), this.services.token()));
			}
			Subscribe subscribe = (count) -> {
				for (int i = subscriptions.size(); i < count; i++) {
					subscriptions.add(tally.subscribe(connections.get(i % connections.size()), metric, Map.of()));
				}
			};
			Map<String, Object> one = interval(1, subscribe, tally);
			Map<String, Object> many;
			try {
				many = interval(this.options.subscribers(), subscribe, tally);
			}
			catch (PhaseFailedException ex) {
				throw new PhaseFailedException(ex.getMessage(), Map.of("one", one));
			}
			return report(one, many);
		}
		finally {
			subscriptions.forEach(Disposable::dispose);
			connections.forEach(GatewayConnection::close);
		}
	}

	private Map<String, Object> interval(int subscribers, Subscribe subscribe, StreamTally tally)
			throws IOException, InterruptedException {
		this.out.printf("    %,d subscriber(s): subscribing, then measuring for %s%n", subscribers,
				this.options.interval());
		subscribe.to(subscribers);
		long deadline = System.nanoTime() + this.options.establishTimeout().toNanos();
		while (tally.snapshotted() + tally.failed() < subscribers && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		if (tally.snapshotted() < subscribers) {
			throw new PhaseFailedException((subscribers - tally.snapshotted()) + " of " + subscribers
					+ " subscribers got no snapshot (first error: " + tally.firstError() + ")", Map.of());
		}
		Thread.sleep(SETTLE_MILLIS);
		Map<String, Double> before = this.services.counters();
		long messagesBefore = tally.messages();
		long start = System.nanoTime();
		Thread.sleep(this.options.interval().toMillis());
		Map<String, Double> after = this.services.counters();
		double seconds = (System.nanoTime() - start) / 1e9;
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("subscribers", subscribers);
		json.put("seconds", Math.round(seconds * 10) / 10.0);
		json.put("pinotQueriesPerSecond", perSecond(before, after, "pinotQueries", seconds));
		json.put("gatewayEvaluationsPerSecond", perSecond(before, after, "gatewayEvaluations", seconds));
		json.put("queryServiceResultRequestsPerSecond",
				perSecond(before, after, "queryServiceResultRequests", seconds));
		json.put("gatewayPublishedPerSecond", perSecond(before, after, "gatewayPublished", seconds));
		json.put("gatewayDistinctQueries", after.get("gatewayQueries"));
		json.put("messagesReceivedPerSubscriber",
				Math.round((tally.messages() - messagesBefore) * 10.0 / subscribers) / 10.0);
		this.out.println("    " + json);
		return json;
	}

	private static double perSecond(Map<String, Double> before, Map<String, Double> after, String counter,
			double seconds) {
		return Math.round((after.get(counter) - before.get(counter)) / seconds * 100) / 100.0;
	}

	private Map<String, Object> report(Map<String, Object> one, Map<String, Object> many) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("one", one);
		json.put("many", many);
		double oneRate = (double) one.get("pinotQueriesPerSecond");
		double manyRate = (double) many.get("pinotQueriesPerSecond");
		json.put("ratio", (oneRate > 0) ? Math.round(manyRate / oneRate * 100) / 100.0 : null);
		this.out.println("    Pinot queries/s: " + oneRate + " with 1 subscriber, " + manyRate + " with "
				+ many.get("subscribers") + "; ratio " + json.get("ratio"));
		if (oneRate <= 0) {
			throw new PhaseFailedException("No Pinot query was counted with one subscriber: the metric was never "
					+ "re-evaluated, so the comparison means nothing", json);
		}
		return json;
	}

	@FunctionalInterface
	private interface Subscribe {

		void to(int count);

	}

}
