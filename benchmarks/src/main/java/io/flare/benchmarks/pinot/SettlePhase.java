package io.flare.benchmarks.pinot;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongSupplier;

import io.flare.infra.testing.PinotBroker;
import org.jspecify.annotations.Nullable;

/**
 * Waits for consuming segments to be sealed. After a load the newest rows of each
 * partition sit in consuming segments (raw rows, never star-tree indexed) until a flush
 * threshold seals them, whereas in steady operation the consuming segments only hold the
 * last few minutes of a live stream: measuring queries before and after shows the two
 * regimes apart.
 */
public final class SettlePhase {

	private static final Duration POLL = Duration.ofSeconds(5);

	private final PinotController controller;

	private final SegmentCensus census;

	private final PrintStream out;

	public SettlePhase(PinotController controller, PinotBroker broker, PrintStream out) {
		this(controller, new SegmentCensus(controller, broker), out);
	}

	SettlePhase(PinotController controller, SegmentCensus census, PrintStream out) {
		this.controller = controller;
		this.census = census;
		this.out = out;
	}

	/**
	 * Polls until no table has rows in consuming segments (a table nothing feeds any
	 * more).
	 * @param tables the tables
	 * @param timeout how long to wait at most
	 * @return how long it took, or {@code null} when the timeout passed first
	 */
	@Nullable Duration awaitEmpty(Collection<String> tables, Duration timeout) {
		return poll(timeout, "rows in consuming segments", () -> {
			long rows = 0;
			for (String table : tables) {
				rows += this.census.take(table).rowsInConsumingSegments();
			}
			return rows;
		});
	}

	/**
	 * Polls until none of the segments consuming now in {@code tables} still consumes (a
	 * table a live stream keeps feeding: its next consuming segments hold only new rows).
	 * @param tables the tables
	 * @param timeout how long to wait at most
	 * @return how long it took, or {@code null} when the timeout passed first
	 */
	public @Nullable Duration awaitRolledOver(Collection<String> tables, Duration timeout) {
		Set<String> now = consuming(tables);
		this.out.printf("    %d consuming segments hold the newest rows; waiting until all are sealed%n", now.size());
		return poll(timeout, "of them still consuming", () -> {
			Set<String> left = consuming(tables);
			left.retainAll(now);
			return left.size();
		});
	}

	private Set<String> consuming(Collection<String> tables) {
		Set<String> segments = new HashSet<>();
		for (String table : tables) {
			segments.addAll(this.controller.consumingSegments(table));
		}
		return segments;
	}

	private @Nullable Duration poll(Duration timeout, String what, LongSupplier remaining) {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		while (true) {
			long left = remaining.getAsLong();
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			if (left == 0) {
				this.out.printf("    sealed after %d s%n", waited.toSeconds());
				return waited;
			}
			if (System.nanoTime() > deadline) {
				this.out.printf("    %,d %s after %d s: measuring anyway%n", left, what, waited.toSeconds());
				return null;
			}
			this.out.printf("    %,d %s (%d s)%n", left, what, waited.toSeconds());
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
