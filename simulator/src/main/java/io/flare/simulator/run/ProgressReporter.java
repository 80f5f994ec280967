package io.flare.simulator.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.flare.simulator.sink.SinkStats;

/**
 * Prints a progress line (sent, acknowledged, failed, rate) at a fixed interval, from its
 * own daemon thread, so a blocked sender still shows progress.
 */
public final class ProgressReporter implements AutoCloseable {

	private final Supplier<SinkStats> stats;

	private final PrintStream out;

	private final LongSupplier nanoTime;

	private final long startNanos;

	private final ScheduledExecutorService timer;

	private long lastNanos;

	private long lastSent;

	private @Nullable String lastError;

	/**
	 * Starts reporting.
	 * @param stats where the counts come from
	 * @param out where the lines go (standard error)
	 * @param interval time between lines
	 */
	public ProgressReporter(Supplier<SinkStats> stats, PrintStream out, Duration interval) {
		this.stats = stats;
		this.out = out;
		this.nanoTime = System::nanoTime;
		this.startNanos = this.nanoTime.getAsLong();
		this.lastNanos = this.startNanos;
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "simulator-progress");
			thread.setDaemon(true);
			return thread;
		});
		long millis = interval.toMillis();
		this.timer.scheduleAtFixedRate(this::report, millis, millis, TimeUnit.MILLISECONDS);
	}

	synchronized void report() {
		long now = this.nanoTime.getAsLong();
		SinkStats current = this.stats.get();
		double seconds = Math.max(now - this.lastNanos, 1) / 1e9;
		double rate = (current.sent() - this.lastSent) / seconds;
		this.lastNanos = now;
		this.lastSent = current.sent();
		this.out.println(line(current, (now - this.startNanos) / 1_000_000_000L, rate));
		if (current.lastError() != null && !current.lastError().equals(this.lastError)) {
			this.out.println("  last error: " + current.lastError());
		}
		this.lastError = current.lastError();
	}

	static String line(SinkStats stats, long elapsedSeconds, double rate) {
		return String.format(Locale.ROOT, "[%ds] sent=%d acked=%d failed=%d in-flight=%d rate=%.0f events/s",
				elapsedSeconds, stats.sent(), stats.acknowledged(), stats.failed(), stats.inFlight(), rate);
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

}
