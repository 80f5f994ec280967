package io.flare.benchmarks.ingest;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flare.benchmarks.support.Percentiles;
import io.flare.infra.stack.StackProperties;
import io.flare.infra.testing.PinotBroker;
import io.flare.simulator.generate.GeneratedEvent;

/**
 * The burst: a million events (a source of the run's own, unique ids) posted as fast as
 * the clients go to an ingest service publishing to the real {@code events} topic, then
 * how long Pinot takes to count every one of them, from the last acknowledgement. The
 * events stay in the local table (they are ordinary, recent events of one extra source).
 */
final class BurstPhase {

	private static final long POLL_MILLIS = 250;

	private final StackProperties stack;

	private final PrintStream out;

	BurstPhase(StackProperties stack, PrintStream out) {
		this.stack = stack;
		this.out = out;
	}

	Map<String, Object> run(IngestService service, String apiKey, String source, int events, int batchSize, int clients,
			Duration catchUpTimeout) throws InterruptedException {
		int batches = Math.max(1, events / batchSize);
		long total = (long) batches * batchSize;
		this.out.println("Burst: preparing " + total + " events of source " + source + "...");
		// the simulator repeats some deliveries (same id), as retrying sources do: Pinot
		// keeps one row per id, so that is what it must reach
		Set<String> ids = new HashSet<>();
		List<byte[]> encoded = BenchEvents.batches(7, batches, batchSize, (event) -> {
			GeneratedEvent rewritten = BenchEvents.fromSource(event, source, source + "-");
			ids.add(rewritten.eventId());
			return rewritten;
		});
		long distinct = ids.size();
		ids.clear();
		String count = "SELECT COUNT(*) FROM events WHERE source = '" + source + "'";
		PinotBroker pinot = new PinotBroker(this.stack.pinotBrokerUrl());
		this.out.println("Burst: posting " + total + " events with " + clients + " clients to " + service.eventsUri());
		HttpLoad.Result posted = new HttpLoad(service.eventsUri(), apiKey, encoded).sendAll(clients);
		long lastAck = posted.lastAcceptedNanos();
		this.out.printf("Burst: %,d events accepted in %.1f s (%,d events/s); waiting for Pinot...%n",
				posted.acceptedEvents(), posted.seconds(), posted.eventsPerSecond());
		CatchUp catchUp = awaitCount(pinot, count, distinct, lastAck, catchUpTimeout);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("events", total);
		figures.put("source", source);
		figures.put("clients", clients);
		figures.put("acceptedEvents", posted.acceptedEvents());
		figures.put("postSeconds", round(posted.seconds()));
		figures.put("eventsPerSecond", posted.eventsPerSecond());
		figures.put("requestLatencyMs", Percentiles.summarize(posted.latenciesMs()));
		figures.put("retries", posted.retries());
		figures.put("failuresByStatus", posted.failuresByStatus());
		figures.put("distinctEventIds", distinct);
		figures.put("pinotRows", catchUp.rows());
		figures.put("pinotCaughtUp", catchUp.rows() == distinct && posted.acceptedEvents() == total);
		figures.put("catchUpAfterLastAckSeconds", round(catchUp.secondsAfterLastAck()));
		figures.put("firstPostToAllQueryableSeconds", round(posted.seconds() + catchUp.secondsAfterLastAck()));
		figures.put("pinotRowsAtLastAck", catchUp.curve().isEmpty() ? 0 : catchUp.curve().get(0)[1]);
		figures.put("curve", catchUp.curve());
		this.out.println("Burst: " + figures.entrySet().stream().filter((e) -> !"curve".equals(e.getKey())).toList());
		return figures;
	}

	/** Counts until every accepted event is there or the time is up. */
	private CatchUp awaitCount(PinotBroker pinot, String sql, long expected, long fromNanos, Duration timeout)
			throws InterruptedException {
		List<long[]> curve = new ArrayList<>();
		long deadline = fromNanos + timeout.toNanos();
		long rows = -1;
		long lastPrint = 0;
		while (System.nanoTime() < deadline) {
			long now = System.nanoTime();
			try {
				rows = pinot.queryLong(sql);
			}
			catch (IllegalStateException ex) {
				// the broker answers with partial results while a segment moves: ask
				// again
			}
			long millis = (now - fromNanos) / 1_000_000;
			if (curve.isEmpty() || curve.get(curve.size() - 1)[1] != rows) {
				curve.add(new long[] { millis, rows });
			}
			if (rows >= expected) {
				return new CatchUp(rows, millis / 1000.0, curve);
			}
			if (millis - lastPrint >= 5_000) {
				this.out.printf("  %,d of %,d rows in Pinot after %.0f s%n", rows, expected, millis / 1000.0);
				lastPrint = millis;
			}
			Thread.sleep(POLL_MILLIS);
		}
		return new CatchUp(rows, timeout.toMillis() / 1000.0, curve);
	}

	private static double round(double seconds) {
		return Math.round(seconds * 100) / 100.0;
	}

	/** How Pinot caught up: rows at the end, when, and (ms after the last ack, rows). */
	private record CatchUp(long rows, double secondsAfterLastAck, List<long[]> curve) {

	}

}
