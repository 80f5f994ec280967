package io.flare.benchmarks.gateway;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.Disposable;

/**
 * Phase 2: many concurrent subscriptions on one gateway. {@code subscriptions}
 * subscriptions, spread round-robin over {@code distinct} parameter values of one
 * parameterised metric (so {@code distinct} shared evaluations), carried by
 * {@code connections} RSocket connections (many streams per connection, as a dashboard
 * with many panels has). Measures the time until every subscription received its first
 * snapshot, the gateway's heap (sampled while establishing, then after a full GC once all
 * are live) and its RSS.
 */
final class FanOutPhase {

	static final long TARGET_HEAP_BYTES = 1L << 30;

	private final Services services;

	private final GatewayOptions options;

	private final PrintStream out;

	FanOutPhase(Services services, GatewayOptions options, PrintStream out) {
		this.services = services;
		this.options = options;
		this.out = out;
	}

	/** The metric's definition: events of one source (a parameter), last five minutes. */
	static String definition() {
		return """
				{"description": "benchmark fan-out: events of one source", "table": "events",
				 "measure": {"type": "count"},
				 "filters": [{"column": "source", "op": "eq", "value": "${source}"}],
				 "window": {"size": "5m", "bucket": "1m", "kind": "sliding"},
				 "parameters": {"source": {"description": "the source counted"}}}""";
	}

	Map<String, Object> run(String metric, String keyPrefix) throws IOException, InterruptedException {
		List<GatewayConnection> connections = new ArrayList<>();
		List<Disposable> subscriptions = new ArrayList<>(this.options.subscriptions());
		StreamTally tally = new StreamTally();
		HeapSampler heap = new HeapSampler(this.services);
		long baseline = this.services.gatewayGc() ? this.services.gatewayHeapUsed() : -1;
		try {
			for (int c = 0; c < this.options.connections(); c++) {
				connections.add(GatewayConnection.open(this.services.gatewayRsocket(), this.services.token()));
			}
			long start = System.nanoTime();
			for (int i = 0; i < this.options.subscriptions(); i++) {
				Map<String, String> params = Map.of("source", keyPrefix + (i % this.options.distinct()));
				subscriptions.add(tally.subscribe(connections.get(i % connections.size()), metric, params));
			}
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("gatewayHeapBeforeMb", (baseline >= 0) ? mb(baseline) : null);
			json.put("requestsSentMs", Math.round((System.nanoTime() - start) / 1e6));
			awaitSnapshots(tally, heap);
			json.put("establishedMs", Math.round((System.nanoTime() - start) / 1e6));
			return report(json, tally, heap);
		}
		finally {
			subscriptions.forEach(Disposable::dispose);
			connections.forEach(GatewayConnection::close);
		}
	}

	private void awaitSnapshots(StreamTally tally, HeapSampler heap) throws InterruptedException {
		long deadline = System.nanoTime() + this.options.establishTimeout().toNanos();
		int total = this.options.subscriptions();
		long nextLine = System.nanoTime();
		while (System.nanoTime() < deadline && tally.snapshotted() + tally.failed() < total) {
			heap.sample();
			if (System.nanoTime() >= nextLine) {
				this.out.printf("    %,d of %,d subscriptions have their snapshot%n", tally.snapshotted(), total);
				nextLine = System.nanoTime() + 5_000_000_000L;
			}
			Thread.sleep(50);
		}
	}

	private Map<String, Object> report(Map<String, Object> json, StreamTally tally, HeapSampler heap)
			throws IOException, InterruptedException {
		int total = this.options.subscriptions();
		json.put("subscriptions", total);
		json.put("distinctKeys", this.options.distinct());
		json.put("connections", this.options.connections());
		json.put("withFirstSnapshot", tally.snapshotted());
		json.put("failedSubscriptions", tally.failed());
		json.put("firstError", tally.firstError());
		json.put("messagesReceived", tally.messages());
		json.put("gatewayDistinctQueries", this.services.counters().get("gatewayQueries"));
		heap.sample();
		json.put("gatewayHeapMaxObservedMb", mb(heap.max()));
		boolean gc = this.services.gatewayGc();
		json.put("gcTriggered", gc);
		json.put("gatewayHeapAfterGcMb", gc ? mb(this.services.gatewayHeapUsed()) : null);
		json.put("gatewayRssMb", mb(this.services.gateway().rssBytes()));
		json.put("gatewayHeapLimit", this.services.gateway().heap());
		this.out.println("    fan-out: " + json);
		if (tally.snapshotted() < total) {
			throw new PhaseFailedException((total - tally.snapshotted()) + " of " + total
					+ " subscriptions got no snapshot within " + this.options.establishTimeout()
					+ ((tally.firstError() != null) ? " (first error: " + tally.firstError() + ")" : ""), json);
		}
		return json;
	}

	static double mb(long bytes) {
		return Math.round(bytes / 1024.0 / 1024.0 * 10) / 10.0;
	}

	/** The largest heap-in-use the gateway reported, sampled at most twice a second. */
	static final class HeapSampler {

		private final Services services;

		private long max = -1;

		private long next;

		HeapSampler(Services services) {
			this.services = services;
		}

		void sample() {
			if (System.nanoTime() - this.next < 0) {
				return;
			}
			this.next = System.nanoTime() + 500_000_000L;
			try {
				this.max = Math.max(this.max, this.services.gatewayHeapUsed());
			}
			catch (IOException ex) {
				// a busy gateway may not answer in time; the next sample counts
			}
		}

		long max() {
			return this.max;
		}

	}

}
