package io.flare.benchmarks.support;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Prints a progress line at most once per period, so long phases show they are alive
 * without flooding the terminal.
 */
public final class Progress {

	private final PrintStream out;

	private final long periodNanos;

	private final LongSupplier nanoClock;

	private long nextAt;

	public Progress(PrintStream out, Duration period) {
		this(out, period, System::nanoTime);
	}

	Progress(PrintStream out, Duration period, LongSupplier nanoClock) {
		this.out = out;
		this.periodNanos = period.toNanos();
		this.nanoClock = nanoClock;
		this.nextAt = nanoClock.getAsLong() + this.periodNanos;
	}

	/**
	 * Whether a line is due now; when it is, the next one is due a period later.
	 * @return {@code true} at most once per period
	 */
	public boolean due() {
		long now = this.nanoClock.getAsLong();
		if (now - this.nextAt < 0) {
			return false;
		}
		this.nextAt = now + this.periodNanos;
		return true;
	}

	/**
	 * Prints the line if one is due.
	 * @param line what to print, indented under the phase's heading
	 */
	public void maybe(String line) {
		if (due()) {
			this.out.println("    " + line);
		}
	}

}
