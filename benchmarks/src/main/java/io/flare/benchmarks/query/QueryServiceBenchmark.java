package io.flare.benchmarks.query;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flare.benchmarks.pinot.BackgroundLoad;
import io.flare.benchmarks.pinot.BenchmarkException;
import io.flare.benchmarks.pinot.PinotController;
import io.flare.benchmarks.pinot.SettlePhase;
import io.flare.benchmarks.support.Cleanup;
import io.flare.benchmarks.support.LatencySummary;
import io.flare.benchmarks.support.MachineInfo;
import io.flare.benchmarks.support.ResultsWriter;
import io.flare.benchmarks.support.RunId;
import io.flare.benchmarks.support.CompilerThreads;
import io.flare.benchmarks.support.UsageException;
import io.flare.infra.stack.LocalStack;
import io.flare.infra.stack.StackProperties;
import io.flare.infra.testing.PinotBroker;
import org.jspecify.annotations.Nullable;

/**
 * {@code benchmarks/run query}: the query service on the example metrics over the stack's
 * {@code events} table, uncached and cached, against Pinot's own latency for the same SQL
 * and against the same table without its star-tree, then sustained load from concurrent
 * clients. See docs/benchmarks.md.
 */
public final class QueryServiceBenchmark {

	static final String NAME = "query";

	/** How long Pinot's deletion of the plain table's segments keeps it busy. */
	private static final Duration AFTER_DROP = Duration.ofSeconds(20);

	private final StackProperties stack;

	private final QueryBenchmarkOptions options;

	private final String command;

	private final Path resultsFolder;

	private final PrintStream out;

	private final PinotBroker broker;

	private final Map<String, Object> results = new LinkedHashMap<>();

	private final Map<String, LatencySummary> uncachedStar = new LinkedHashMap<>();

	private final Map<String, LatencySummary> cachedStar = new LinkedHashMap<>();

	private final Map<String, Integer> failedStar = new LinkedHashMap<>();

	private ThroughputPhase.@Nullable Result throughput;

	private @Nullable QueryServices services;

	QueryServiceBenchmark(StackProperties stack, QueryBenchmarkOptions options, String command, Path resultsFolder,
			PrintStream out) {
		this.stack = stack;
		this.options = options;
		this.command = command;
		this.resultsFolder = resultsFolder;
		this.out = out;
		this.broker = new PinotBroker(stack.pinotBrokerUrl());
	}

	public static void main(String[] args) {
		List<String> arguments = List.of(args);
		if (arguments.contains("--help")) {
			System.out.print(QueryBenchmarkOptions.USAGE);
			System.exit(0);
		}
		QueryBenchmarkOptions options;
		try {
			options = QueryBenchmarkOptions.parse(arguments, Instant.now().getEpochSecond());
		}
		catch (UsageException ex) {
			System.err.print(ex.getMessage() + "\n\n" + QueryBenchmarkOptions.USAGE);
			System.exit(2);
			return;
		}
		StackProperties stack = StackProperties.fromEnvironment(StackProperties.locateRoot());
		Path results = stack.root().resolve("benchmarks").resolve("results");
		String command = "benchmarks/run query " + String.join(" ", args);
		System.exit(new QueryServiceBenchmark(stack, options, command, results, System.out).run());
	}

	/**
	 * Runs every phase, writes the results file (also after a failure, with what was
	 * measured) and prints the summary.
	 * @return 0 when every phase completed, 1 otherwise
	 */
	int run() {
		RunId run = new RunId(Instant.now());
		this.results.put("benchmark", NAME);
		this.results.put("date", run.start().toString());
		this.results.put("runId", run.value());
		this.results.put("machine", MachineInfo.current());
		this.results.put("command", this.command);
		this.results.put("options", this.options.asJson());
		Cleanup always = new Cleanup(this.out);
		Cleanup tables = new Cleanup(this.out);
		Thread onExit = new Thread(() -> finish(always, tables), "query-benchmark-cleanup");
		Runtime.getRuntime().addShutdownHook(onExit);
		RuntimeException failure = null;
		try {
			phases(run, always, tables);
		}
		catch (RuntimeException ex) {
			failure = ex;
			this.out.println("FAILED: " + ex.getMessage());
			dumpThreads();
		}
		finally {
			finish(always, tables);
			Runtime.getRuntime().removeShutdownHook(onExit);
		}
		this.results.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		this.results.put("status", (failure != null) ? "failed" : "completed");
		if (failure != null) {
			this.results.put("error", String.valueOf(failure.getMessage()));
		}
		List<QueryTargets> targets = QueryTargets.evaluate(this.uncachedStar, this.cachedStar, this.throughput,
				this.failedStar);
		this.results.put("targets", targets);
		Path file = new ResultsWriter(this.resultsFolder).write(NAME, run, this.results);
		new QuerySummary(this.out).print(this.results, targets, file);
		return (failure != null) ? 1 : 0;
	}

	private void phases(RunId run, Cleanup always, Cleanup tables) {
		phase("1/7 local stack");
		new LocalStack(this.stack, this.out).ensureInfraUp();
		PinotController controller = new PinotController(this.stack.pinotControllerUrl());
		this.results.put("stack", Map.of("pinotVersion", controller.version(), "kafka", this.stack.kafkaBootstrap(),
				"pinotBroker", this.stack.pinotBrokerUrl()));
		EventsData data = new EventsData(this.broker, this.stack.kafkaBootstrap(), this.out);
		phase(String.format("2/7 data: %,d events in the last hour of table %s", this.options.events(),
				EventsData.TABLE));
		data(data, always);
		PlainTable plain = new PlainTable(controller, this.stack.root(), run.value(), this.stack.kafkaBootstrap());
		phase("3/7 plain table " + plain.name() + " (no star-tree) on the same topic");
		plainTable(data, plain, tables);
		settle(controller, plain);
		Path catalog = createTempFolder();
		plain.writeCatalog(this.stack.root(), catalog, always);
		phase("4/7 query services from " + QueryServices.JAR + " (cached, and caches off)");
		QueryServices services = QueryServices.start(this.stack, catalog, this.options.heap(),
				this.resultsFolder.resolve("query-service-" + run.timestamp()), always);
		this.services = services;
		QueryServiceClient cached = new QueryServiceClient(services.cached().url());
		QueryServiceClient uncached = new QueryServiceClient(services.uncached().url());
		this.results.put("services", Map.of("cachedPort", services.cached().port(), "uncachedPort",
				services.uncached().port(), "uncachedArguments", QueryServices.UNCACHED, "heap", this.options.heap()));
		phase("5/7 example metrics as qbench-" + run.value() + "-<name>[-plain]");
		register(run, plain, cached, uncached, always);
		Map<String, List<Map<String, String>>> parameters = ParameterValues.choose(this.broker,
				System.currentTimeMillis());
		this.results.put("parameters", parameters);
		this.results.put("dataAtQueries", data.census(System.currentTimeMillis()));
		phase(String.format(
				"6/7 latency: star-tree against plain table, %d warm-up + %d measured sequential requests per "
						+ "metric and table; then on events alone %d s of every metric in turn, Pinot direct and "
						+ "uncached; then %d + %d cached per metric; each service first answers until its JIT "
						+ "compiler has settled",
				this.options.warmup(), this.options.requests(), this.options.uncachedSpan().toSeconds(),
				this.options.cachedWarmup(), this.options.cachedRequests()));
		latency(run, cached, uncached, parameters, tables, services, controller);
		phase("7/7 throughput: " + this.options.clients() + " concurrent clients for " + this.options.duration());
		throughput(run, cached, parameters);
		this.results.put("dataAtEnd", data.census(System.currentTimeMillis()));
	}

	private void data(EventsData data, Cleanup always) {
		Map<String, Object> before = data.census(System.currentTimeMillis());
		this.results.put("dataBefore", before);
		long inLastHour = (long) before.get("rowsInLastHour");
		if (this.options.reuseEvents() && inLastHour >= this.options.events()) {
			this.out.printf("    reusing: %,d rows in the last hour already (--reuse-events)%n", inLastHour);
			this.results.put("load", Map.of("reused", true, "rowsInLastHour", inLastHour));
		}
		else {
			if (this.options.reuseEvents()) {
				this.out.printf("    only %,d rows in the last hour: loading%n", inLastHour);
			}
			long total = (long) before.get("totalRows");
			if (total > 0) {
				this.out.printf(
						"    note: %s already holds %,d rows; Pinot keeps every row's key in its heap (dedup), "
								+ "so loads add up: reset the local stack between loading runs (infra/flare down; "
								+ "rm -rf .flare) or re-run within the hour with --reuse-events%n",
						EventsData.TABLE, total);
			}
			Map<String, Object> load = new LinkedHashMap<>(
					data.load(this.options.events(), this.options.seed(), this.options.ingestTimeout()));
			load.put("reused", false);
			this.results.put("load", load);
		}
		if (this.options.feedRate() > 0) {
			BackgroundLoad feed = BackgroundLoad.start(this.stack.kafkaBootstrap(), EventsData.TOPIC,
					this.options.feedRate(), this.options.seed() + 1, Duration.ofHours(3));
			always.add("live feed", () -> {
				feed.close();
				this.results.put("liveFeed", Map.of("askedPerSecond", this.options.feedRate(), "achievedPerSecond",
						feed.achievedPerSecond(), "failedSends", feed.failed()));
			});
			this.out.println("    live feed: " + this.options.feedRate() + " events/s stamped now, until the end");
		}
	}

	private void plainTable(EventsData data, PlainTable plain, Cleanup tables) {
		long expected = this.broker.queryLong("SELECT COUNT(*) FROM " + EventsData.TABLE);
		long created = System.nanoTime();
		plain.create(tables);
		plain.awaitCaughtUp(data, expected, created, this.options.ingestTimeout());
		this.results.put("plainTable", Map.of("name", plain.name(), "rowsAwaited", expected, "secondsToCatchUp",
				Math.round((System.nanoTime() - created) / 1e7) / 100.0, "kept", this.options.keep()));
	}

	private void settle(PinotController controller, PlainTable plain) {
		Duration timeout = this.options.settleTimeout();
		if (timeout.isZero()) {
			this.results.put("settle", Map.of("skipped", true));
			return;
		}
		phase("3/7 settle: wait up to " + timeout.toMinutes()
				+ " min for the flush thresholds to seal the segments holding the loaded rows");
		Duration waited = new SettlePhase(controller, this.broker, this.out)
			.awaitRolledOver(List.of(EventsData.TABLE, plain.name()), timeout);
		Map<String, Object> settle = new LinkedHashMap<>();
		settle.put("sealed", waited != null);
		settle.put("seconds", (waited != null) ? waited.toSeconds() : timeout.toSeconds());
		this.results.put("settle", settle);
	}

	private void register(RunId run, PlainTable plain, QueryServiceClient cached, QueryServiceClient uncached,
			Cleanup always) {
		Map<String, String> yaml = ExampleMetrics.read(this.stack.root());
		List<String> names = new ArrayList<>();
		yaml.forEach((example, definition) -> {
			String star = ExampleMetrics.starName(run.value(), example);
			String plainName = ExampleMetrics.plainName(run.value(), example);
			cached.defineYaml(star, definition);
			always.add("metric " + star, () -> cached.delete(star));
			cached.defineYaml(plainName, ExampleMetrics.onTable(definition, plain.name()));
			always.add("metric " + plainName, () -> cached.delete(plainName));
			names.add(star);
			names.add(plainName);
		});
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!names.stream().allMatch(uncached::knows)) {
			if (System.nanoTime() > deadline) {
				throw new BenchmarkException("The second query service did not see the metrics within 30 s");
			}
			pause(200);
		}
	}

	private void latency(RunId run, QueryServiceClient cached, QueryServiceClient uncached,
			Map<String, List<Map<String, String>>> parameters, Cleanup tables, QueryServices services,
			PinotController controller) {
		LatencyPhase phase = new LatencyPhase(cached, uncached, new PinotDirect(this.stack.pinotBrokerUrl()),
				new LatencyPhase.Counts(this.options.warmup(), this.options.requests(), this.options.cachedWarmup(),
						this.options.cachedRequests()),
				this.out, this::dumpThreads,
				new LatencyPhase.Probes(() -> controller.segmentCount(EventsData.TABLE),
						CompilerThreads.of(services.cached().pid()), CompilerThreads.of(services.uncached().pid()),
						CompilerThreads.self()));
		Map<String, Map<String, Object>> metrics = new LinkedHashMap<>();
		this.results.put("metrics", metrics);
		// the same requests as measured (the plain table's go through the same code)
		Map<String, Map<String, String>> stars = new LinkedHashMap<>();
		// the same by example, for the uncached span
		Map<String, String> starNames = new LinkedHashMap<>();
		Map<String, Map<String, String>> measured = new LinkedHashMap<>();
		for (String example : ExampleMetrics.NAMES) {
			stars.put(ExampleMetrics.starName(run.value(), example), parameters.get(example).get(0));
			starNames.put(example, ExampleMetrics.starName(run.value(), example));
			measured.put(example, parameters.get(example).get(0));
		}
		this.results.put("uncachedJitWarmup", phase.warmUp(false, stars));
		this.out.println("    star-tree against plain table, alternating:");
		for (String example : ExampleMetrics.NAMES) {
			metrics.put(example, phase.compare(ExampleMetrics.starName(run.value(), example),
					ExampleMetrics.plainName(run.value(), example), parameters.get(example).get(0)));
		}
		if (!this.options.keep()) {
			// the plain table only served the comparison: it would ingest the live feed a
			// second time — twice the segments to seal in every wave — while the requests
			// the targets are read from, and then the cached answers, are timed
			this.out
				.println("    the plain table is no longer needed: dropping it before the requests on events alone");
			tables.run();
			// Pinot deletes the dropped table's segments in the background for a few
			// seconds
			this.out.printf("    %d s for Pinot to finish deleting its segments%n", AFTER_DROP.toSeconds());
			pause(AFTER_DROP.toMillis());
		}
		this.out.println("    on events alone:");
		this.results.put("uncachedPhase",
				phase.measureUncached(starNames, measured, metrics, this.options.uncachedSpan()));
		// the uncaching service only served the uncached requests: its watermark
		// scans, lag polls and registry reloads would share the two cores with the
		// one measured now
		this.out.println("    the uncaching service is no longer needed: stopping it before the cached requests");
		services.uncached().close();
		this.results.put("cachedJitWarmup", phase.warmUp(true, stars));
		for (String example : ExampleMetrics.NAMES) {
			Map<String, Object> figures = metrics.get(example);
			phase.measureCached(ExampleMetrics.starName(run.value(), example), parameters.get(example).get(0), figures);
			@SuppressWarnings("unchecked")
			Map<String, LatencySummary> uncachedFigures = (Map<String, LatencySummary>) figures.get("uncached");
			this.uncachedStar.put(example, uncachedFigures.get("star"));
			this.cachedStar.put(example, (LatencySummary) figures.get("cached"));
			@SuppressWarnings("unchecked")
			Map<String, Integer> failed = (Map<String, Integer>) figures.get("failedRequests");
			this.failedStar.put(example, failed.getOrDefault("uncached.star", 0) + failed.getOrDefault("cached", 0));
		}
	}

	private void throughput(RunId run, QueryServiceClient cached, Map<String, List<Map<String, String>>> parameters) {
		Map<String, List<Map<String, String>>> byName = new LinkedHashMap<>();
		parameters.forEach((example, sets) -> byName.put(ExampleMetrics.starName(run.value(), example), sets));
		Duration warmup = Duration.ofSeconds(Math.min(5, Math.max(1, this.options.duration().toSeconds() / 3)));
		try {
			this.throughput = new ThroughputPhase(cached, new RequestMix(byName), this.options.seed())
				.run(this.options.clients(), warmup, this.options.duration(), this.out);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted during the throughput phase", ex);
		}
		this.results.put("throughput", this.throughput);
		this.results.put("throughputWarmup", warmup.toString());
	}

	/** A failed request may be a stalled service: its threads, in its log, say why. */
	private void dumpThreads() {
		QueryServices running = this.services;
		if (running != null) {
			running.cached().dumpThreads();
			running.uncached().dumpThreads();
			this.out.println("    thread dumps of both query services are at the end of their logs ("
					+ running.cached().log().getParent() + ")");
		}
	}

	private synchronized void finish(Cleanup always, Cleanup tables) {
		phase("clean up");
		always.run();
		if (this.options.keep()) {
			String kept = tables.pending();
			if (!kept.isEmpty()) {
				this.out.println("    keeping (--keep): " + kept);
			}
		}
		else {
			tables.run();
		}
	}

	private static Path createTempFolder() {
		try {
			return Files.createTempDirectory("flare-qbench-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted", ex);
		}
	}

	private void phase(String title) {
		this.out.println("[" + LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + "Z] " + title);
	}

}
