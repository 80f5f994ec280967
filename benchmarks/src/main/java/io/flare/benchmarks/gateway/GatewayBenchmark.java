package io.flare.benchmarks.gateway;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.flare.benchmarks.support.Cleanup;
import io.flare.benchmarks.support.MachineInfo;
import io.flare.benchmarks.support.ResultsWriter;
import io.flare.benchmarks.support.RunId;
import io.flare.benchmarks.support.UsageException;
import io.flare.infra.stack.StackProperties;
import io.flare.infra.testing.FlareStackExtension;

/**
 * {@code benchmarks/run gateway}: the dashboard gateway under a steady background load of
 * realistic events posted to ingest. Starts its own ingest service, query service and
 * gateway (from their jars, on free ports, against the running stack), then: (1) push
 * latency of probe events, (2) many concurrent subscriptions over many distinct keys, (3)
 * Pinot queries/s with 1 and with many identical subscribers. See docs/benchmarks.md.
 */
public final class GatewayBenchmark {

	static final String NAME = "gateway";

	private final StackProperties stack;

	private final GatewayOptions options;

	private final String command;

	private final Path resultsFolder;

	private final PrintStream out;

	GatewayBenchmark(StackProperties stack, GatewayOptions options, String command, Path resultsFolder,
			PrintStream out) {
		this.stack = stack;
		this.options = options;
		this.command = command;
		this.resultsFolder = resultsFolder;
		this.out = out;
	}

	public static void main(String[] args) throws Exception {
		System.exit(run(List.of(args), System.out, System.err));
	}

	static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
		if (args.contains("--help")) {
			out.print(GatewayOptions.USAGE);
			return 0;
		}
		GatewayOptions options;
		try {
			options = GatewayOptions.parse(args);
		}
		catch (UsageException ex) {
			err.print(ex.getMessage() + "\n\n" + GatewayOptions.USAGE);
			return 2;
		}
		StackProperties stack = FlareStackExtension.ensureStarted();
		String command = "benchmarks/run gateway " + String.join(" ", args);
		return new GatewayBenchmark(stack, options, command.strip(), stack.root().resolve("benchmarks/results"), out)
			.run();
	}

	int run() {
		RunId run = new RunId(Instant.now());
		Names names = new Names("bench-gw-" + run.value());
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("benchmark", NAME);
		results.put("date", run.start().toString());
		results.put("runId", run.value());
		results.put("machine", MachineInfo.current());
		results.put("command", this.command);
		results.put("options", this.options.asJson());
		results.put("names", names.asJson());
		Cleanup cleanup = new Cleanup(this.out);
		// Ctrl-C or SIGTERM mid-run: stop the phases, remove the metrics, stop the
		// services
		Thread main = Thread.currentThread();
		Thread onExit = new Thread(() -> {
			main.interrupt();
			cleanup.run();
		}, "gateway-benchmark-cleanup");
		Runtime.getRuntime().addShutdownHook(onExit);
		List<String> failures = new ArrayList<>();
		try {
			phases(names, results, cleanup, failures);
		}
		catch (InterruptedException ex) {
			failures.add("interrupted");
			this.out.println("Interrupted");
		}
		catch (Exception ex) {
			failures.add("setup: " + ex.getMessage());
			this.out.println("FAILED: " + ex.getMessage());
		}
		finally {
			phase("clean up");
			cleanup.run();
			removeHook(onExit);
		}
		results.put("loadAverageAtEnd", MachineInfo.current().loadAverage());
		results.put("status", failures.isEmpty() ? "ok" : "failed");
		results.put("errors", failures);
		results.put("targets", Targets.of(results));
		Path file = new ResultsWriter(this.resultsFolder).write(NAME, run, results);
		new Summary(this.out).print(results, file);
		return failures.isEmpty() ? 0 : 1;
	}

	private void phases(Names names, Map<String, Object> results, Cleanup cleanup, List<String> failures)
			throws Exception {
		phase("starting ingest, query service and gateway (gateway -Xmx" + this.options.gatewayHeap() + ")");
		Services services = Services.start(this.stack, names.tag(), List.of(names.loadSource(), names.probeSource()),
				this.options.gatewayHeap(), cleanup, this.out);
		results.put("services", services.asJson());
		defineMetrics(services, names, cleanup);
		phase(String.format("background load: %,d events/s posted to ingest (source %s), warm-up %s",
				this.options.rate(), names.loadSource(), this.options.warmup()));
		try (BackgroundLoad load = new BackgroundLoad(new EventPoster(services.ingest().url(), services.apiKey()),
				names.loadSource(), names.tag() + "-", this.options.rate())) {
			if (this.options.rate() > 0) {
				load.start();
			}
			Thread.sleep(this.options.warmup().toMillis());
			if (this.options.runs("push")) {
				phase(String.format("1/3 push latency: %d probes, one every %s", this.options.probes(),
						this.options.probeInterval()));
				attempt("push", results, failures, () -> new PushLatencyPhase(services, this.options, this.out)
					.run(names.probeMetric(), names.probeSource(), names.tag() + "-"));
			}
			if (this.options.runs("fanout")) {
				phase(String.format("2/3 fan-out: %,d subscriptions over %,d keys on %d connections",
						this.options.subscriptions(), this.options.distinct(), this.options.connections()));
				attempt("fanout", results, failures, () -> new FanOutPhase(services, this.options, this.out)
					.run(names.fanOutMetric(), names.tag() + "-k"));
			}
			if (this.options.runs("queries")) {
				phase(String.format("3/3 Pinot queries/s: 1 vs %,d identical subscribers, %s each",
						this.options.subscribers(), this.options.interval()));
				attempt("queries", results, failures,
						() -> new QueryRatePhase(services, this.options, this.out).run(names.sharedMetric()));
			}
			results.put("backgroundLoad", load.summary(this.options.rate()));
			results.put("gatewayRssEndMb", FanOutPhase.mb(services.gateway().rssBytes()));
		}
	}

	private void defineMetrics(Services services, Names names, Cleanup cleanup) throws Exception {
		services.putMetric(names.probeMetric(), PushLatencyPhase.definition(names.probeSource()));
		cleanup.add("metric " + names.probeMetric(), () -> services.deleteMetric(names.probeMetric()));
		services.putMetric(names.fanOutMetric(), FanOutPhase.definition());
		cleanup.add("metric " + names.fanOutMetric(), () -> services.deleteMetric(names.fanOutMetric()));
		services.putMetric(names.sharedMetric(), QueryRatePhase.definition(names.loadSource()));
		cleanup.add("metric " + names.sharedMetric(), () -> services.deleteMetric(names.sharedMetric()));
	}

	private void attempt(String name, Map<String, Object> results, List<String> failures, Phase phase)
			throws InterruptedException {
		try {
			results.put(name, phase.run());
		}
		catch (PhaseFailedException ex) {
			results.put(name, ex.figures());
			failures.add(name + ": " + ex.getMessage());
			this.out.println("    FAILED: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			throw ex;
		}
		catch (Exception ex) {
			failures.add(name + ": " + ex);
			this.out.println("    FAILED: " + ex);
		}
	}

	private static void removeHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down: the hook is the one cleaning up
		}
	}

	private void phase(String title) {
		this.out.println("[" + LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + "Z] " + title);
	}

	@FunctionalInterface
	private interface Phase {

		@Nullable Object run() throws Exception;

	}

	/**
	 * The run's names, all starting with {@code bench-gw-<runId>}: its metrics, and the
	 * sources of its background load and probes.
	 *
	 * @param tag the prefix
	 */
	record Names(String tag) {

		String loadSource() {
			return this.tag + "-load";
		}

		String probeSource() {
			return this.tag + "-probe";
		}

		String probeMetric() {
			return this.tag + "-probe";
		}

		String fanOutMetric() {
			return this.tag + "-fanout";
		}

		String sharedMetric() {
			return this.tag + "-shared";
		}

		Map<String, Object> asJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("loadSource", loadSource());
			json.put("probeSource", probeSource());
			json.put("metrics", List.of(probeMetric(), fanOutMetric(), sharedMetric()));
			return json;
		}

	}

}
