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
import java.util.Set;
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
 * RSS), then Kafka's own producer on the same events in the same run (the ceiling).
 * Events go to a topic of the run's own, which Pinot does not consume, deleted at the
 * end.
 */
public final class IngestBenchmark {

	static final String NAME = "ingest";

	static final String USAGE = """
			benchmarks/run ingest [--duration 60s] [--warmup 10s] [--clients 4] [--batch 500]
			                      [--producer-duration 20s] [--heap 512m]
			""";

	private static final long TARGET = 150_000;

	private IngestBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		CommandLine options;
		try {
			options = CommandLine.parse(List.of(args),
					Set.of("duration", "warmup", "clients", "batch", "producer-duration", "heap"), Set.of("help"));
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
		String topic = "bench-ingest-" + run.timestamp().toLowerCase().replaceAll("[^a-z0-9]", "");
		int batch = options.integer("batch", 500, 1);
		out.println("Preparing " + batch + "-event batches; topic " + topic);
		List<GeneratedEvent> events = new EventGenerator(GeneratorProperties.defaults(42), InstantSource.system())
			.next(batch * 200);
		createTopic(stack, topic);
		Path results = stack.root().resolve("benchmarks/results");
		String apiKey = "flr_bench_" + UUID.randomUUID();
		Map<String, Object> report = new LinkedHashMap<>();
		try {
			Setup setup = new Setup(stack, options, topic, apiKey, results, run, out);
			report.put("http", httpPhase(setup, events, batch));
			report.put("kafkaProducer", producerPhase(stack, options, topic, events, out));
		}
		finally {
			deleteTopic(stack, topic);
		}
		return write(report, options, command, run, results, batch, out);
	}

	private static Map<String, Object> httpPhase(Setup setup, List<GeneratedEvent> events, int batch) throws Exception {
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
		Path log = setup.results().resolve("ingest-service-" + setup.run().timestamp() + ".log");
		Files.createDirectories(setup.results());
		try (IngestService service = IngestService.start(setup.stack(), setup.topic(), setup.apiKey(),
				options.string("heap", "512m"), log)) {
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
			http.put("eventsPerSecond", Math.round(result.acceptedEvents() / result.seconds()));
			http.put("seconds", result.seconds());
			http.put("latencyMs", Percentiles.summarize(result.latenciesMs()));
			http.put("failuresByStatus", result.failuresByStatus());
			http.put("serviceRssMaxMb", maxRss.get() / (1024 * 1024));
			http.put("serviceRssEndMb", service.rssBytes() / (1024 * 1024));
			http.put("serviceHeap", options.string("heap", "512m"));
			out.println("HTTP: " + http);
			return http;
		}
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
				+ " events/s; results in " + file);
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
