package io.flare.benchmarks.pinot;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;

/**
 * Waits until no table has rows left in consuming segments: after a catch-up the last
 * rows sit in consuming segments (never star-tree indexed) until the flush time threshold
 * seals them, whereas in steady operation the consuming segments only hold the last few
 * minutes of a live stream. Measuring queries both before and after shows the two regimes
 * apart.
 */
final class SettlePhase {

	private static final Duration POLL = Duration.ofSeconds(5);

	private final SegmentCensus census;

	private final PrintStream out;

	SettlePhase(SegmentCensus census, PrintStream out) {
		this.census = census;
		this.out = out;
	}

	/**
	 * Polls until every table's consuming segments are empty or the timeout passes.
	 * @param tables the tables
	 * @param timeout how long to wait at most
	 * @return how long it took, or {@code null} when the timeout passed first
	 */
	Duration awaitSealed(Collection<String> tables, Duration timeout) {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		while (true) {
			long rows = 0;
			for (String table : tables) {
				rows += this.census.take(table).rowsInConsumingSegments();
			}
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			if (rows == 0) {
				return waited;
			}
			if (System.nanoTime() > deadline) {
				this.out.printf("    %,d rows still in consuming segments after %d s: measuring anyway%n", rows,
						waited.toSeconds());
				return null;
			}
			this.out.printf("    %,d rows in consuming segments (%d s)%n", rows, waited.toSeconds());
			try {
				Thread.sleep(POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new BenchmarkException("Interrupted while waiting for segments to seal", ex);
			}
		}
	}

}
