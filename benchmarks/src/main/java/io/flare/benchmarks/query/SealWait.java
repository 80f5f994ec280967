package io.flare.benchmarks.query;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.flare.benchmarks.pinot.BenchmarkException;
import io.flare.benchmarks.pinot.PinotController;
import org.jspecify.annotations.Nullable;

/**
 * Waits until the segments that were consuming when the data was loaded have been sealed
 * (by the flush thresholds: rows, or the 5-minute time threshold). Right after a load the
 * newest rows of each partition sit in consuming segments, answered from raw rows while
 * Pinot also builds the sealed segments' star-trees; steady operation has only the live
 * feed's last minutes there. Measuring after this wait measures steady operation.
 */
final class SealWait {

	private static final Duration POLL = Duration.ofSeconds(5);

	private final PinotController controller;

	private final PrintStream out;

	SealWait(PinotController controller, PrintStream out) {
		this.controller = controller;
		this.out = out;
	}

	/**
	 * Polls until none of the segments consuming now in {@code tables} still consumes, or
	 * the timeout passes.
	 * @param tables the tables
	 * @param timeout how long to wait at most
	 * @return how long it took, or {@code null} when the timeout passed first
	 */
	@Nullable Duration await(List<String> tables, Duration timeout) {
		Set<String> loaded = consuming(tables);
		this.out.printf("    %d consuming segments hold the newest loaded rows; waiting until all are sealed%n",
				loaded.size());
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		while (true) {
			Set<String> left = consuming(tables);
			left.retainAll(loaded);
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			if (left.isEmpty()) {
				this.out.printf("    sealed after %d s%n", waited.toSeconds());
				return waited;
			}
			if (System.nanoTime() > deadline) {
				this.out.printf("    %d of them still consuming after %d s: measuring anyway%n", left.size(),
						waited.toSeconds());
				return null;
			}
			this.out.printf("    %d still consuming (%d s)%n", left.size(), waited.toSeconds());
			try {
				Thread.sleep(POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new BenchmarkException("Interrupted while waiting for segments to seal", ex);
			}
		}
	}

	private Set<String> consuming(List<String> tables) {
		Set<String> segments = new HashSet<>();
		for (String table : tables) {
			segments.addAll(this.controller.consumingSegments(table));
		}
		return segments;
	}

}
