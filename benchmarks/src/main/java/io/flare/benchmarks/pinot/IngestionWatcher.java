package io.flare.benchmarks.pinot;

import java.io.PrintStream;
import java.time.Duration;

import io.flare.benchmarks.support.Progress;
import io.flare.infra.testing.PinotBroker;

/**
 * Watches a new table catch up with its topic: counts its rows every second until they
 * reach the number of events produced, or the deadline passes.
 */
final class IngestionWatcher {

	private static final long POLL_MILLIS = 1_000;

	private final PinotBroker broker;

	private final SegmentCensus census;

	private final PrintStream out;

	IngestionWatcher(PinotBroker broker, PinotController controller, PrintStream out) {
		this.broker = broker;
		this.census = new SegmentCensus(controller, broker);
		this.out = out;
	}

	/**
	 * Waits for the rows.
	 * @param table the table
	 * @param expected the events produced
	 * @param createdNanos {@link System#nanoTime()} just before the table was created
	 * @param timeout the deadline, from creation
	 * @return the ingestion figures
	 */
	IngestionResult await(String table, long expected, long createdNanos, Duration timeout) {
		IngestionCurve curve = new IngestionCurve();
		Progress progress = new Progress(this.out, Duration.ofSeconds(5));
		String sql = "SELECT COUNT(*) FROM " + table;
		long rows = 0;
		String lastError = "none";
		while (rows < expected) {
			sleepUntil(createdNanos, (elapsedMillis(createdNanos) / POLL_MILLIS + 1) * POLL_MILLIS);
			long elapsed = elapsedMillis(createdNanos);
			try {
				rows = this.broker.queryLong(sql);
			}
			catch (IllegalStateException ex) {
				// the broker may not route to a table created a moment ago yet
				lastError = ex.getMessage();
			}
			curve.add(elapsed, rows);
			if (rows < expected && elapsed > timeout.toMillis()) {
				throw new BenchmarkException(
						String.format("%s ingested %,d of %,d rows within %s; last broker error: %s", table, rows,
								expected, timeout, lastError));
			}
			progress.maybe(String.format("ingested %,d/%,d (%,.0f rows/s so far)", rows, expected,
					rows / Math.max(elapsed / 1000.0, 0.001)));
		}
		double seconds = curve.millisToReach(expected) / 1000;
		SegmentsSnapshot segments = this.census.take(table);
		return new IngestionResult(rows, EventLoader.round(curve.firstRowMillis() / 1000.0), EventLoader.round(seconds),
				Math.round(expected / seconds), Math.round(curve.steadyRowsPerSecond(expected)), segments);
	}

	private static long elapsedMillis(long sinceNanos) {
		return (System.nanoTime() - sinceNanos) / 1_000_000;
	}

	private static void sleepUntil(long sinceNanos, long elapsedMillis) {
		long wait = elapsedMillis - elapsedMillis(sinceNanos);
		if (wait > 0) {
			try {
				Thread.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new BenchmarkException("Interrupted while waiting for ingestion", ex);
			}
		}
	}

	/**
	 * How one variant ingested the topic.
	 *
	 * @param rows rows counted at the end (the events produced, unless dedup failed)
	 * @param timeToFirstRowSeconds from table creation to the first row visible
	 * @param seconds from table creation to every row visible (interpolated between
	 * one-second polls)
	 * @param rowsPerSecond events / seconds: the overall catch-up rate
	 * @param steadyRowsPerSecond the rate between 10% and 90% of the rows
	 * @param segments the table's segments when every row was visible
	 */
	record IngestionResult(long rows, double timeToFirstRowSeconds, double seconds, long rowsPerSecond,
			long steadyRowsPerSecond, SegmentsSnapshot segments) {
	}

}
