package io.flare.benchmarks.ingest;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import io.flare.benchmarks.support.LatencySummary;
import io.flare.benchmarks.support.Percentiles;

/**
 * A viral spike must not slow other sources. Two rounds of the same load on one ingest
 * service: ordinary sources at a steady rate, plus a spike source at its own rate whose
 * events are, in the first round, spread over the usual entities and, in the second, all
 * on one entity. Compares the ordinary sources' latency between the rounds, shows how the
 * round's records spread over the topic's partitions (events are keyed by id, not
 * entity), and how soon {@code /v1/hot-keys} names the viral entity.
 */
final class HotKeyPhase {

	private static final int PARTITIONS = 8;

	private final String bootstrap;

	private final String topic;

	private final PrintStream out;

	HotKeyPhase(String bootstrap, String topic, PrintStream out) {
		this.bootstrap = bootstrap;
		this.topic = topic;
		this.out = out;
	}

	/** What one round needs. */
	record Load(List<byte[]> ordinary, long ordinaryRate, List<byte[]> spike, long spikeRate, Duration warmup,
			Duration duration) {

	}

	Map<String, Object> run(IngestService service, String apiKey, Load spread, Load viral, String viralEntity)
			throws Exception {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("ordinaryEventsPerSecond", spread.ordinaryRate());
		figures.put("spikeEventsPerSecond", spread.spikeRate());
		figures.put("viralEntity", viralEntity);
		this.out.println("Hot keys: round 1, the spike spread over the usual entities...");
		Map<String, Object> first = round(service, apiKey, spread, null);
		this.out.println("  " + first);
		this.out.println("Hot keys: round 2, the spike on one entity (" + viralEntity + ")...");
		Map<String, Object> second = round(service, apiKey, viral, viralEntity);
		this.out.println("  " + second);
		figures.put("spreadSpike", first);
		figures.put("viralSpike", second);
		double before = ((LatencySummary) first.get("ordinaryLatencyMs")).p99();
		double after = ((LatencySummary) second.get("ordinaryLatencyMs")).p99();
		figures.put("ordinaryP99ViralOverSpread", (before > 0) ? Math.round(after / before * 100) / 100.0 : 0);
		return figures;
	}

	private Map<String, Object> round(IngestService service, String apiKey, Load load, String watchEntity)
			throws Exception {
		Map<Integer, Long> startOffsets = endOffsets();
		HotKeyWatch watch = (watchEntity != null) ? new HotKeyWatch(service.baseUri(), watchEntity) : null;
		CompletableFuture<HttpLoad.Result> spike = CompletableFuture
			.supplyAsync(() -> runLoad(service, apiKey, load.spike(), load.spikeRate(), load));
		if (watch != null) {
			watch.start();
		}
		HttpLoad.Result ordinary = runLoad(service, apiKey, load.ordinary(), load.ordinaryRate(), load);
		HttpLoad.Result spiked = spike.get();
		Map<Integer, Long> endOffsets = endOffsets();
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("ordinaryAcceptedPerSecond", ordinary.eventsPerSecond());
		figures.put("ordinaryLatencyMs", Percentiles.summarize(ordinary.latenciesMs()));
		figures.put("ordinaryFailuresByStatus", ordinary.failuresByStatus());
		figures.put("spikeAcceptedPerSecond", spiked.eventsPerSecond());
		figures.put("spikeLatencyMs", Percentiles.summarize(spiked.latenciesMs()));
		long[] perPartition = IntStream.range(0, PARTITIONS)
			.mapToLong((p) -> endOffsets.getOrDefault(p, 0L) - startOffsets.getOrDefault(p, 0L))
			.toArray();
		figures.put("recordsPerPartition", java.util.Arrays.stream(perPartition).boxed().toList());
		figures.put("partitionMaxOverMean", maxOverMean(perPartition));
		if (watch != null) {
			figures.put("hotKeys", watch.stop());
		}
		return figures;
	}

	private static HttpLoad.Result runLoad(IngestService service, String apiKey, List<byte[]> batches, long rate,
			Load load) {
		try {
			return new HttpLoad(service.eventsUri(), apiKey, batches).run(2, load.warmup(), load.duration(), rate);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static double maxOverMean(long[] counts) {
		long max = 0;
		long sum = 0;
		for (long count : counts) {
			max = Math.max(max, count);
			sum += count;
		}
		return (sum == 0) ? 0 : Math.round(max / (sum / (double) counts.length) * 1000) / 1000.0;
	}

	private Map<Integer, Long> endOffsets() throws InterruptedException, ExecutionException {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap))) {
			Map<TopicPartition, OffsetSpec> request = new HashMap<>();
			for (int p = 0; p < PARTITIONS; p++) {
				request.put(new TopicPartition(this.topic, p), OffsetSpec.latest());
			}
			Map<Integer, Long> offsets = new HashMap<>();
			admin.listOffsets(request)
				.all()
				.get()
				.forEach((partition, info) -> offsets.put(partition.partition(), info.offset()));
			return offsets;
		}
	}

	/**
	 * Polls {@code /v1/hot-keys?category=news} until the watched entity is the heaviest:
	 * when (from the start of the round, warm-up included) and with which share.
	 */
	static final class HotKeyWatch {

		private final HttpClient http = HttpClient.newHttpClient();

		private final URI uri;

		private final String entity;

		private volatile boolean running = true;

		private volatile long detectedMillis = -1;

		private volatile String lastAnswer = "";

		private Thread thread;

		HotKeyWatch(URI base, String entity) {
			this.uri = base.resolve("/v1/hot-keys?category=news&limit=3");
			this.entity = entity;
		}

		void start() {
			long start = System.nanoTime();
			this.thread = new Thread(() -> {
				while (this.running) {
					try {
						String body = this.http
							.send(HttpRequest.newBuilder(this.uri).build(), HttpResponse.BodyHandlers.ofString())
							.body();
						this.lastAnswer = body;
						if (this.detectedMillis < 0 && isTop(body, this.entity)) {
							this.detectedMillis = (System.nanoTime() - start) / 1_000_000;
						}
						Thread.sleep(100);
					}
					catch (InterruptedException ex) {
						return;
					}
					catch (java.io.IOException ex) {
						this.lastAnswer = ex.toString();
					}
				}
			}, "hot-key-watch");
			this.thread.start();
		}

		Map<String, Object> stop() throws InterruptedException {
			this.running = false;
			this.thread.join(5_000);
			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("detectedAfterMs", this.detectedMillis);
			figures.put("lastAnswer", this.lastAnswer);
			return figures;
		}

		/** Whether the entity is the first one listed in the answer's top. */
		static boolean isTop(String body, String entity) {
			int top = body.indexOf("\"top\"");
			int first = body.indexOf("\"entityId\"", Math.max(top, 0));
			return top >= 0 && first >= 0 && body.startsWith("\"entityId\":\"" + entity + "\"", first);
		}

	}

}
