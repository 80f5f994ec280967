package io.flare.benchmarks.ingest;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.flare.benchmarks.support.CommandLine;
import io.flare.benchmarks.support.MachineInfo;
import io.flare.benchmarks.support.Percentiles;
import io.flare.benchmarks.support.ResultsWriter;
import io.flare.benchmarks.support.RunId;
import io.flare.benchmarks.support.UsageException;
import io.flare.infra.stack.StackProperties;
import io.flare.infra.testing.FlareStackExtension;
import io.flare.simulator.generate.EventGenerator;
import io.flare.simulator.generate.GeneratedEvent;
import io.flare.simulator.generate.GeneratorProperties;
import io.flare.simulator.json.EventJsonEncoder;

/**
 * {@code benchmarks/run ingest}: 500-event NDJSON batches posted at full speed to a real
 * ingest service for 60 s (request latency p50/p99, accepted events/s, the service's
 * RSS); a viral spike on one entity vs the same spike spread ({@link HotKeyPhase}); then
 * Kafka's own producer on the same events in the same run (the ceiling). These go to a
 * topic of the run's own, which Pinot does not consume, deleted at the end. Last, a burst
 * of a million events into the real {@code events} topic and the time Pinot takes to
 * catch up ({@link BurstPhase}).
 */
public final class IngestBenchmark {

	static final String NAME = "ingest";

	static final String USAGE = """
			benchmarks/run ingest [--duration 60s] [--warmup 10s] [--clients 4] [--batch 500]
			                      [--producer-duration 20s] [--heap 512m]
			                      [--hotkey-duration 30s] [--ordinary-rate 20000] [--spike-rate 20000]
			                      [--burst-events 1000000] [--catch-up-timeout 10m]
			  --hotkey-duration 0 or --burst-events 0 skip that phase
			""";

	private static final long TARGET = 150_000;

	private static final String SPIKE_SOURCE = "bench-viral";

	private IngestBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		CommandLine options;
		try {
			options = CommandLine.parse(
					List.of(args), Set.of("duration", "warmup", "clients", "batch", "producer-duration", "heap",
							"hotkey-duration", "ordinary-rate", "spike-rate", "burst-events", "catch-up-timeout"),
					Set.of("help"));
		}
		catch (UsageException ex) {
			System.err.print(ex.getMessage() + "\n\n" + USAGE);
			System.exit(2);
			return;
		}
		if (options.flag("help")) {
			System.out.print(USAGE);
			return;
		}
		System.exit(run(options, "benchmarks/run ingest " + String.join(" ", args), System.out));
	}

	static int run(CommandLine options, String command, PrintStream out) throws Exception {
		StackProperties stack = FlareStackExtension.ensureStarted();
		RunId run = new RunId(Instant.now());
		String suffix = run.timestamp().toLowerCase().replaceAll("[^a-z0-9]", "");
		String topic = "bench-ingest-" + suffix;
		int batch = options.integer("batch", 500, 1);
		out.println("Preparing " + batch + "-event batches; topic " + topic);
		List<GeneratedEvent> events = new EventGenerator(GeneratorProperties.defaults(42), InstantSource.system())
			.next(batch * 200);
		createTopic(stack, topic);
		Path results = stack.root().resolve("benchmarks/results");
		Files.createDirectories(results);
		String apiKey = "flr_bench_" + UUID.randomUUID();
		String burstSource = "bench-burst-" + suffix;
		Set<String> sources = new TreeSet<>(events.stream().map(GeneratedEvent::source).toList());
		sources.addAll(List.of(SPIKE_SOURCE, burstSource));
		List<String> serviceArguments = List.of("--flare.ingest.demo-key.sources=" + String.join(",", sources),
				"--flare.ingest.demo-key.name=bench-" + suffix);
		Map<String, Object> report = new LinkedHashMap<>();
		try {
			Setup setup = new Setup(stack, options, topic, apiKey, results, run, out);
			try (IngestService service = IngestService.start(stack, topic, apiKey, options.string("heap", "512m"),
					results.resolve("ingest-service-" + run.timestamp() + ".log"), serviceArguments)) {
				report.put("http", httpPhase(setup, service, events, batch));
				hotKeyPhase(setup, service, events, batch).ifPresent((figures) -> report.put("hotKeys", figures));
			}
			report.put("kafkaProducer", producerPhase(stack, options, topic, events, out));
			burstPhase(setup, serviceArguments, burstSource, batch)
				.ifPresent((figures) -> report.put("burst", figures));
		}
		finally {
			deleteTopic(stack, topic);
		}
		return write(report, options, command, run, results, batch, out);
	}

	private static Optional<Map<String, Object>> hotKeyPhase(Setup setup, IngestService service,
			List<GeneratedEvent> events, int batch) throws Exception {
		if ("0".equals(setup.options().string("hotkey-duration", "30s").trim())) {
			return Optional.empty();
		}
		Duration duration = setup.options().duration("hotkey-duration", Duration.ofSeconds(30));
		EventJsonEncoder encoder = new EventJsonEncoder();
		List<byte[]> ordinary = new ArrayList<>();
		for (int i = 0; i + batch <= events.size(); i += batch) {
			ordinary.add(encoder.encodeNdjson(events.subList(i, i + batch)));
		}
		String prefix = setup.run().timestamp().toLowerCase() + "-";
		String viralEntity = "viral-" + prefix + "story";
		List<byte[]> spread = BenchEvents.batches(99, 100, batch,
				(event) -> BenchEvents.fromSource(event, SPIKE_SOURCE, "spread-" + prefix));
		List<byte[]> viral = BenchEvents.batches(99, 100, batch,
				(event) -> BenchEvents.viral(event, SPIKE_SOURCE, viralEntity, "viral-" + prefix));
		long ordinaryRate = setup.options().number("ordinary-rate", 20_000, 1);
		long spikeRate = setup.options().number("spike-rate", 20_000, 1);
		Duration warmup = Duration.ofSeconds(5);
		HotKeyPhase phase = new HotKeyPhase(setup.stack().kafkaBootstrap(), setup.topic(), setup.out());
		return Optional.of(phase.run(service, setup.apiKey(),
				new HotKeyPhase.Load(ordinary, ordinaryRate, spread, spikeRate, warmup, duration),
				new HotKeyPhase.Load(ordinary, ordinaryRate, viral, spikeRate, warmup, duration), viralEntity));
	}

	private static Optional<Map<String, Object>> burstPhase(Setup setup, List<String> serviceArguments,
			String burstSource, int batch) throws Exception {
		int events = setup.options().integer("burst-events", 1_000_000, 0);
		if (events == 0) {
			return Optional.empty();
		}
		try (IngestService service = IngestService.start(setup.stack(), "events", setup.apiKey(),
				setup.options().string("heap", "512m"),
				setup.results().resolve("ingest-service-burst-" + setup.run().timestamp() + ".log"),
				serviceArguments)) {
			return Optional.of(new BurstPhase(setup.stack(), setup.out()).run(service, setup.apiKey(), burstSource,
					events, batch, setup.options().integer("clients", 4, 1),
					setup.options().duration("catch-up-timeout", Duration.ofMinutes(10))));
		}
	}

	private static Map<String, Object> httpPhase(Setup setup, IngestService service, List<GeneratedEvent> events,
			int batch) throws Exception {
		CommandLine options = setup.options();
		PrintStream out = setup.out();
		EventJsonEncoder encoder = new EventJsonEncoder();
		List<byte[]> batches = new ArrayList<>();
		for (int i = 0; i + batch <= events.size(); i += batch) {
			batches.add(encoder.encodeNdjson(events.subList(i, i + batch)));
		}
		Duration duration = options.duration("duration", Duration.ofSeconds(60));
		Duration warmup = options.duration("warmup", Duration.ofSeconds(10));
		int clients = options.integer("clients", 4, 1);
		out.println("Ingest service up (pid " + service.pid() + "); " + clients + " clients, warm-up " + warmup
				+ ", measuring " + duration);
		AtomicLong maxRss = new AtomicLong();
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> maxRss.accumulateAndGet(service.rssBytes(), Math::max), 0, 1,
				TimeUnit.SECONDS);
		HttpLoad.Result result = new HttpLoad(service.eventsUri(), setup.apiKey(), batches).run(clients, warmup,
				duration);
		sampler.shutdownNow();
		Map<String, Object> http = new LinkedHashMap<>();
		http.put("clients", clients);
		http.put("requests", result.requests());
		http.put("acceptedEvents", result.acceptedEvents());
		http.put("eventsPerSecond", result.eventsPerSecond());
		http.put("seconds", result.seconds());
		http.put("latencyMs", Percentiles.summarize(result.latenciesMs()));
		http.put("failuresByStatus", result.failuresByStatus());
		http.put("serviceRssMaxMb", maxRss.get() / (1024 * 1024));
		http.put("serviceRssEndMb", service.rssBytes() / (1024 * 1024));
		http.put("serviceHeap", options.string("heap", "512m"));
		out.println("HTTP: " + http);
		return http;
	}

	private static ProducerCeiling.Result producerPhase(StackProperties stack, CommandLine options, String topic,
			List<GeneratedEvent> events, PrintStream out) {
		EventJsonEncoder encoder = new EventJsonEncoder();
		List<byte[][]> keyed = new ArrayList<>(events.size());
		for (GeneratedEvent event : events) {
			keyed.add(new byte[][] { event.eventId().getBytes(StandardCharsets.UTF_8), encoder.encode(event) });
		}
		Duration duration = options.duration("producer-duration", Duration.ofSeconds(20));
		out.println("Kafka producer alone for " + duration + "...");
		ProducerCeiling.Result result = ProducerCeiling.run(stack.kafkaBootstrap(), topic, keyed, duration);
		out.println("Kafka producer: " + result);
		return result;
	}

	@SuppressWarnings("unchecked")
	private static int write(Map<String, Object> report, CommandLine options, String command, RunId run, Path results,
			int batch, PrintStream out) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("benchmark", NAME);
		all.put("run", run.value());
		all.put("command", command);
		all.put("machine", MachineInfo.current());
		all.put("batchEvents", batch);
		all.put("targetEventsPerSecond", TARGET);
		all.putAll(report);
		long http = (long) ((Map<String, Object>) report.get("http")).get("eventsPerSecond");
		long ceiling = ((ProducerCeiling.Result) report.get("kafkaProducer")).eventsPerSecond();
		all.put("httpShareOfProducerCeiling", (ceiling > 0) ? Math.round(100.0 * http / ceiling) / 100.0 : 0);
		Path file = new ResultsWriter(results).write(NAME, run, all);
		out.println("HTTP " + http + " events/s accepted (target " + TARGET + "), Kafka producer alone " + ceiling
				+ " events/s");
		if (report.get("hotKeys") instanceof Map<?, ?> hot) {
			out.println("Hot keys: ordinary sources' p99 with the spike on one entity / spread: "
					+ hot.get("ordinaryP99ViralOverSpread") + "x");
		}
		if (report.get("burst") instanceof Map<?, ?> burst) {
			out.println("Burst: " + burst.get("acceptedEvents") + " events accepted in " + burst.get("postSeconds")
					+ " s; every one queryable in Pinot " + burst.get("catchUpAfterLastAckSeconds")
					+ " s after the last acknowledgement (caught up: " + burst.get("pinotCaughtUp") + ")");
		}
		out.println("Results in " + file);
		return 0;
	}

	/** What every phase of one run needs. */
	private record Setup(StackProperties stack, CommandLine options, String topic, String apiKey, Path results,
			RunId run, PrintStream out) {

	}

	private static void createTopic(StackProperties stack, String topic) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
			admin.createTopics(List.of(new NewTopic(topic, 8, (short) 1))).all().get();
		}
	}

	private static void deleteTopic(StackProperties stack, String topic) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
			admin.deleteTopics(List.of(topic)).all().get();
		}
	}

}
