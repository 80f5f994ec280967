package io.flare.benchmarks.query;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Sends requests until the service's JIT compiler has settled: a window of one second in
 * which its compiler threads ran less than a few percent of a core, several times in a
 * row. A service answering from its cache in half a millisecond shares the machine's two
 * cores with its compiler, which after a fixed warm-up was still busy for a core the
 * whole measurement long (seen with {@code perf sched}: every slow cached request ran
 * while the service's C2 compiler thread held a core); a deployed instance that has
 * answered for minutes has compiled its paths. Where the compiler's time cannot be read
 * (not Linux) it sends the minimum and says it could not tell.
 */
final class JitWarmup {

	/** The defaults: one-second windows, ≤ 50 ms of compiling in each of 3 in a row. */
	static final Settings DEFAULTS = new Settings(Duration.ofSeconds(1), Duration.ofMillis(50), 3, 500,
			Duration.ofSeconds(90));

	private static final long PROGRESS_NANOS = Duration.ofSeconds(5).toNanos();

	private final LongSupplier compilerNanos;

	private final LongSupplier clock;

	private final Settings settings;

	/**
	 * @param compilerNanos the service's compiler threads' CPU time so far, -1 where
	 * unknown
	 * @param clock {@link System#nanoTime}, or a test's
	 * @param settings when to call it settled
	 */
	JitWarmup(LongSupplier compilerNanos, LongSupplier clock, Settings settings) {
		this.compilerNanos = compilerNanos;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Sends requests until the compiler settled or the time is up.
	 * @param request sends request {@code i} (the caller takes turns among its metrics)
	 * @param progress where to say how it goes, every five seconds
	 * @return what it took, for the results: {@code requests}, {@code seconds},
	 * {@code compilerMs} (over the whole warm-up), {@code compilerMsLastWindow},
	 * {@code settled} (null when the compiler's time is unknown)
	 */
	Map<String, Object> run(IntConsumer request, Consumer<String> progress) {
		long start = this.clock.getAsLong();
		long compilerAtStart = this.compilerNanos.getAsLong();
		int sent = 0;
		if (compilerAtStart < 0) {
			while (sent < this.settings.minRequests()) {
				request.accept(sent++);
			}
			return finish(sent, start, -1, -1, null);
		}
		long windowStart = start;
		long compilerAtWindow = compilerAtStart;
		long lastWindow = -1;
		long nextProgress = start + PROGRESS_NANOS;
		int quietWindows = 0;
		while (true) {
			request.accept(sent++);
			long now = this.clock.getAsLong();
			if (now - windowStart < this.settings.window().toNanos()) {
				continue;
			}
			long compiler = this.compilerNanos.getAsLong();
			// a window a request made longer is scaled back to the window's length
			lastWindow = (compiler - compilerAtWindow) * this.settings.window().toNanos() / (now - windowStart);
			quietWindows = (lastWindow <= this.settings.quiet().toNanos()) ? quietWindows + 1 : 0;
			windowStart = now;
			compilerAtWindow = compiler;
			if (quietWindows >= this.settings.quietWindows() && sent >= this.settings.minRequests()) {
				return finish(sent, start, compiler - compilerAtStart, lastWindow, true);
			}
			if (now - start >= this.settings.max().toNanos()) {
				return finish(sent, start, compiler - compilerAtStart, lastWindow, false);
			}
			if (now >= nextProgress) {
				progress.accept(
						String.format("%,d requests, compiler %d ms in the last second", sent, lastWindow / 1_000_000));
				nextProgress = now + PROGRESS_NANOS;
			}
		}
	}

	private Map<String, Object> finish(int sent, long start, long compiler, long lastWindow, Boolean settled) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("requests", sent);
		result.put("seconds", Math.round((this.clock.getAsLong() - start) / 1e7) / 100.0);
		result.put("compilerMs", (compiler < 0) ? -1 : compiler / 1_000_000);
		result.put("compilerMsLastWindow", (lastWindow < 0) ? -1 : lastWindow / 1_000_000);
		result.put("settled", settled);
		return result;
	}

	/**
	 * When the compiler counts as settled.
	 *
	 * @param window the length of one window
	 * @param quiet at most this much compiling in a window makes it quiet
	 * @param quietWindows quiet windows in a row that settle it
	 * @param minRequests at least this many requests, settled or not
	 * @param max at most this long, settled or not
	 */
	record Settings(Duration window, Duration quiet, int quietWindows, int minRequests, Duration max) {

	}

}
