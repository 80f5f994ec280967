package io.flare.benchmarks.gateway;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

import io.flare.benchmarks.support.Percentiles;
import io.flare.simulator.generate.GeneratedEvent;
import io.flare.simulator.generate.GeneratedLocation;

/**
 * Phase 1: push latency. One subscriber follows a metric that only the run's probe events
 * change (the maximum {@code value} of the probe source); probe {@code k} carries value
 * {@code k}. Each probe is posted alone to ingest under the background load; its latency
 * runs from ingest's 200 answer (accepted, in Kafka) to the arrival of the first update
 * showing at least {@code k}.
 */
final class PushLatencyPhase {

	static final long TARGET_P99_MS = 2_000;

	/** Below this share of probes seen, the p99 of those seen flatters the gateway. */
	static final double TARGET_SEEN_SHARE = 0.99;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Services services;

	private final GatewayOptions options;

	private final PrintStream out;

	PushLatencyPhase(Services services, GatewayOptions options, PrintStream out) {
		this.services = services;
		this.options = options;
		this.out = out;
	}

	/** The metric's definition: the largest probe value of the last five minutes. */
	static String definition(String probeSource) {
		return """
				{"description": "benchmark probe: largest probe number seen", "table": "events",
				 "measure": {"type": "max", "column": "value"},
				 "filters": [{"column": "source", "op": "eq", "value": "%s"}],
				 "window": {"size": "5m", "bucket": "10s", "kind": "sliding"}}""".formatted(probeSource);
	}

	Map<String, Object> run(String metric, String probeSource, String idPrefix) throws InterruptedException {
		ProbeLatencies latencies = new ProbeLatencies();
		IngestionLag lag = new IngestionLag();
		AtomicReference<Throwable> failed = new AtomicReference<>();
		EventPoster poster = new EventPoster(this.services.ingest().url(), this.services.apiKey());
		try (GatewayConnection connection = GatewayConnection.open(this.services.gatewayRsocket(),
				this.services.token())) {
			Disposable subscription = connection.subscribe(metric, Map.of(), (message) -> {
				long now = System.nanoTime();
				JsonNode update = parse(message);
				latencies.observed(value(update), now);
				lag.record(update);
			}, failed::set);
			try {
				send(poster, latencies, probeSource, idPrefix, failed);
				awaitLast(latencies, failed);
			}
			finally {
				subscription.dispose();
			}
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("updatesReceived", lag.updates());
		json.put("maxRecordsBehindReported", lag.maxRecordsBehind());
		json.put("maxLastIngestAgeMsReported", lag.maxIngestAgeMs());
		// whether Pinot had every probe by the end: tells a slow gateway from a slow
		// ingestion
		json.put("largestProbeInPinotAtEnd",
				this.services.pinotNumber("SELECT MAX(\"value\") FROM events WHERE source = '" + probeSource + "'"));
		return report(json, latencies.result(), failed.get());
	}

	private void send(EventPoster poster, ProbeLatencies latencies, String probeSource, String idPrefix,
			AtomicReference<Throwable> failed) throws InterruptedException {
		long interval = this.options.probeInterval().toNanos();
		long start = System.nanoTime();
		for (int k = 1; k <= this.options.probes() && failed.get() == null; k++) {
			long due = start + (k - 1) * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			GeneratedEvent probe = new GeneratedEvent(idPrefix + "probe-" + k, probeSource, "news", "probe",
					"probe-entity", System.currentTimeMillis(),
					new GeneratedLocation("FR", "IDF", "Paris", 48.85, 2.35), k, Map.of());
			if (poster.post(List.of(probe)) == 1) {
				latencies.accepted(k, System.nanoTime());
			}
			else {
				latencies.failed();
			}
			if (k % 10 == 0) {
				this.out.printf("    %d probes sent, %d seen%n", k, latencies.result().seen());
			}
		}
	}

	/**
	 * Waits for the update that shows the last accepted probe, at most the probe wait.
	 */
	private void awaitLast(ProbeLatencies latencies, AtomicReference<Throwable> failed) throws InterruptedException {
		long deadline = System.nanoTime() + this.options.probeWait().toNanos();
		while (System.nanoTime() < deadline && failed.get() == null) {
			ProbeLatencies.Result result = latencies.result();
			if (result.seen() == result.accepted()) {
				return;
			}
			Thread.sleep(100);
		}
	}

	private Map<String, Object> report(Map<String, Object> diagnostics, ProbeLatencies.Result result,
			@Nullable Throwable failed) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("probesSent", this.options.probes());
		json.put("probesAccepted", result.accepted());
		json.put("probesFailedAtIngest", result.failed());
		json.put("probesSeen", result.seen());
		json.put("probesSeenShare",
				(result.accepted() > 0) ? Math.round(1000.0 * result.seen() / result.accepted()) / 1000.0 : null);
		json.put("pushedBeforeIngestAnswered", result.pushedBeforeAccepted());
		if (result.seen() > 0) {
			json.put("latencyMs", Percentiles.summarize(result.latenciesMs()));
			json.put("latenciesMsInProbeOrder", Arrays.stream(result.latenciesMs()).mapToObj(Math::round).toList());
		}
		json.putAll(diagnostics);
		this.out.println("    push latency: " + json);
		if (failed != null) {
			throw new PhaseFailedException("The probe subscription failed: " + failed.getMessage(), json);
		}
		if (result.seen() == 0) {
			throw new PhaseFailedException(
					"No probe was seen by the subscriber within " + this.options.probeWait() + " after the last one",
					json);
		}
		return json;
	}

	/**
	 * The metric's value in one subscription message: a snapshot's value, or the changed
	 * value of a diff; {@code -1} when the message carries none.
	 */
	static double value(String message) {
		return value(parse(message));
	}

	private static double value(JsonNode update) {
		JsonNode values = "snapshot".equals(update.path("type").asText()) ? update.path("result").path("values")
				: update.path("changes").path("values");
		double max = -1;
		for (JsonNode entry : values) {
			max = Math.max(max, entry.path("value").asDouble(-1));
		}
		return max;
	}

	private static JsonNode parse(String message) {
		try {
			return JSON.readTree(message);
		}
		catch (IOException ex) {
			return JSON.missingNode();
		}
	}

	/**
	 * The ingestion lag the query service reported in the updates (its
	 * {@code ingestion}).
	 */
	private static final class IngestionLag {

		private long updates;

		private long maxRecordsBehind = -1;

		private long maxIngestAgeMs = -1;

		synchronized void record(JsonNode update) {
			this.updates++;
			JsonNode ingestion = update.path("result").path("ingestion");
			this.maxRecordsBehind = Math.max(this.maxRecordsBehind, ingestion.path("recordsBehind").asLong(-1));
			this.maxIngestAgeMs = Math.max(this.maxIngestAgeMs, ingestion.path("lastIngestAgeMs").asLong(-1));
		}

		synchronized long updates() {
			return this.updates;
		}

		synchronized long maxRecordsBehind() {
			return this.maxRecordsBehind;
		}

		synchronized long maxIngestAgeMs() {
			return this.maxIngestAgeMs;
		}

	}

}
