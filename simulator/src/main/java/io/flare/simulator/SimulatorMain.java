package io.flare.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.flare.simulator.cli.OptionsParser;
import io.flare.simulator.cli.SimulatorOptions;
import io.flare.simulator.cli.Usage;
import io.flare.simulator.cli.UsageException;
import io.flare.simulator.generate.EventGenerator;
import io.flare.simulator.run.ProgressReporter;
import io.flare.simulator.run.SimulationRunner;
import io.flare.simulator.sink.EventSink;
import io.flare.simulator.sink.SinkException;
import io.flare.simulator.sink.SinkStats;

/**
 * Command line: streams simulated events into Kafka or the ingest API until a count, a
 * duration, or an interrupt.
 */
public final class SimulatorMain {

	static final int EXIT_OK = 0;

	static final int EXIT_FAILED = 1;

	static final int EXIT_USAGE = 2;

	private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

	private SimulatorMain() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		SimulatorOptions options;
		try {
			options = OptionsParser.parse(args);
		}
		catch (UsageException ex) {
			err.println("error: " + ex.getMessage());
			err.println("Run with --help for usage.");
			return EXIT_USAGE;
		}
		if (options.help()) {
			out.print(Usage.TEXT);
			return EXIT_OK;
		}
		try {
			return simulate(options, err);
		}
		catch (SinkException ex) {
			err.println("error: " + ex.getMessage());
			return EXIT_FAILED;
		}
	}

	private static int simulate(SimulatorOptions options, PrintStream err) {
		err.println("flare-simulator: " + Sinks.describe(options) + " rate=" + rate(options.eventsPerSecond()) + " "
				+ options.limits().describe() + " seed=" + options.generator().seed());
		EventSink sink = Sinks.open(options);
		EventGenerator generator = new EventGenerator(options.generator(), InstantSource.system());
		SimulationRunner runner = new SimulationRunner(generator, sink, options.eventsPerSecond(), options.limits(),
				options.batchSize());
		CountDownLatch finished = new CountDownLatch(1);
		Thread hook = new Thread(() -> stopAndWait(runner, finished), "simulator-shutdown");
		Runtime.getRuntime().addShutdownHook(hook);
		long started = System.nanoTime();
		try (ProgressReporter progress = new ProgressReporter(sink::stats, err, PROGRESS_INTERVAL)) {
			runner.run();
		}
		finally {
			sink.close();
		}
		SinkStats stats = sink.stats();
		err.println(summary(stats, System.nanoTime() - started));
		finished.countDown();
		removeHook(hook);
		return (stats.failed() == 0 && stats.inFlight() == 0) ? EXIT_OK : EXIT_FAILED;
	}

	private static String rate(double eventsPerSecond) {
		if (eventsPerSecond <= 0) {
			return "unlimited";
		}
		return ((eventsPerSecond == Math.rint(eventsPerSecond)) ? Long.toString((long) eventsPerSecond)
				: Double.toString(eventsPerSecond)) + "/s";
	}

	static String summary(SinkStats stats, long elapsedNanos) {
		double seconds = Math.max(elapsedNanos, 1) / 1e9;
		String line = String.format(Locale.ROOT, "done in %.1fs: sent=%d acked=%d failed=%d (%.0f events/s)", seconds,
				stats.sent(), stats.acknowledged(), stats.failed(), stats.sent() / seconds);
		return (stats.lastError() != null) ? line + System.lineSeparator() + "last error: " + stats.lastError() : line;
	}

	/** On Ctrl-C: stop sending, and let the main thread flush and close the sink. */
	private static void stopAndWait(SimulationRunner runner, CountDownLatch finished) {
		runner.stop();
		try {
			finished.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void removeHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down: the hook is running and sees the latch
		}
	}

}
