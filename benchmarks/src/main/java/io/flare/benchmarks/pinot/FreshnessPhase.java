package io.flare.benchmarks.pinot;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The freshness phase: pauses the other tables on the topic, probes the table idle, then
 * again while a background load runs.
 */
final class FreshnessPhase {

	private static final Duration LOAD_WARM_UP = Duration.ofSeconds(5);

	private static final Duration LOAD_BOUND = Duration.ofMinutes(15);

	private static final Duration PAUSE_TIMEOUT = Duration.ofMinutes(3);

	private final PinotController controller;

	private final FreshnessProbe probe;

	private final PrintStream out;

	FreshnessPhase(PinotController controller, FreshnessProbe probe, PrintStream out) {
		this.controller = controller;
		this.probe = probe;
		this.out = out;
	}

	FreshnessResult run(String table, List<String> others, TableDesignOptions options, String topic, String bootstrap,
			String idPrefix) {
		others.forEach(this::pause);
		this.out.println("    idle: " + options.freshnessProbes() + " probes");
		FreshnessProbe.Round idle = this.probe.run("idle", options.freshnessProbes(), options.seed() + 1, idPrefix);
		String pollSql = FreshnessProbe.probeSqlShape(table);
		if (options.freshnessLoad() == 0) {
			return new FreshnessResult(table, pollSql, others, idle, 0, 0, 0, null);
		}
		this.out.println("    loaded: " + options.freshnessProbes() + " probes under " + options.freshnessLoad()
				+ " events/s of background load");
		FreshnessProbe.Round loaded;
		BackgroundLoad load = BackgroundLoad.start(bootstrap, topic, options.freshnessLoad(), options.seed() + 2,
				LOAD_BOUND);
		try (load) {
			sleep(LOAD_WARM_UP);
			loaded = this.probe.run("loaded", options.freshnessProbes(), options.seed() + 3, idPrefix);
		}
		return new FreshnessResult(table, pollSql, others, idle, options.freshnessLoad(), load.achievedPerSecond(),
				load.failed(), loaded);
	}

	/**
	 * Pauses a table's consumption and waits until 0.11 has committed its consuming
	 * segments.
	 */
	private void pause(String table) {
		this.out.println("    pausing consumption of " + table + " (it consumes the same topic)");
		this.controller.pauseConsumption(table);
		long deadline = System.nanoTime() + PAUSE_TIMEOUT.toNanos();
		while (!this.controller.pauseStatus(table).path("consumingSegments").isEmpty()) {
			if (System.nanoTime() > deadline) {
				throw new BenchmarkException(
						table + " still has consuming segments " + PAUSE_TIMEOUT + " after pausing");
			}
			sleep(Duration.ofSeconds(1));
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted", ex);
		}
	}

}
