package io.flare.ingest.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.flare.infra.stack.LocalStack;
import io.flare.infra.stack.StackProperties;
import io.flare.infra.testing.FlareStackTest;
import io.flare.infra.testing.PinotBroker;
import io.flare.ingest.auth.ApiKeyStore;
import io.flare.ingest.auth.ApiKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No acknowledged event is lost when the Kafka broker dies: batches are posted while the
 * stack's real broker is stopped and started again; every batch ingest acknowledged is in
 * Pinot exactly once, batches it refused (503) may or may not be. This test restarts the
 * local stack's Kafka broker, which every other client sees too.
 */
@FlareStackTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "flare.ingest.raw.enabled=false", "flare.ingest.kafka.request-timeout=3s",
				"flare.ingest.kafka.delivery-timeout=6s", "flare.ingest.kafka.max-block=2s" })
class BrokerRestartIT {

	private static final int BATCH = 100;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@Autowired
	private ApiKeyStore store;

	@DynamicPropertySource
	static void stack(DynamicPropertyRegistry registry) {
		StackSupport.register(registry);
	}

	@Test
	void shouldKeepEveryAcknowledgedEventExactlyOnceAcrossABrokerRestart(StackProperties stack) throws Exception {
		String source = StackSupport.uniqueSource("it-restart");
		String key = ApiKeys.generate();
		this.store.create("it-restart", Set.of(source, source + "-fence"), ApiKeys.hash(key));
		LocalStack local = new LocalStack(stack, System.out);
		Outcomes outcomes = new Outcomes();

		post(key, source, 0, outcomes);
		assertThat(outcomes.acked).as("a batch acknowledged before the outage").hasSize(BATCH);
		CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
			local.stop("kafka");
			local.up(List.of("kafka"));
		});
		int batch = 1;
		while (!restart.isDone()) {
			post(key, source, batch++, outcomes);
		}
		restart.join();
		int afterRestart = outcomes.acked.size();
		await("ingest acknowledges again once the broker is back").atMost(Duration.ofMinutes(1)).until(() -> {
			post(key, source, outcomes.batches, outcomes);
			return outcomes.acked.size() > afterRestart;
		});
		assertThat(outcomes.unavailable).as("batches refused with 503 while the broker was down").isPositive();

		awaitFences(stack, key, source + "-fence");
		List<String> stored = storedIds(new PinotBroker(stack.pinotBrokerUrl()), source);
		assertThat(new HashSet<>(stored)).as("no event is counted twice").hasSize(stored.size());
		assertThat(stored).as("every acknowledged event is in Pinot").containsAll(outcomes.acked);
		assertThat(outcomes.posted).as("Pinot holds nothing that was not posted").containsAll(stored);
		System.out.printf("broker restart: %d events posted, %d acknowledged, %d batches refused (503), %d in Pinot%n",
				outcomes.posted.size(), outcomes.acked.size(), outcomes.unavailable, stored.size());
	}

	private void post(String key, String source, int batch, Outcomes outcomes) throws Exception {
		StringBuilder body = new StringBuilder();
		List<String> ids = new ArrayList<>(BATCH);
		for (int i = 0; i < BATCH; i++) {
			String id = source + "-" + batch + "-" + i;
			ids.add(id);
			body.append(event(id, source, i)).append('\n');
		}
		outcomes.batches = Math.max(outcomes.batches, batch + 1);
		outcomes.posted.addAll(ids);
		HttpResponse<String> response = send(key, body.toString());
		if (response.statusCode() == 200) {
			assertThat(response.body()).contains("\"accepted\":" + BATCH);
			outcomes.acked.addAll(ids);
		}
		else {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).isPresent();
			outcomes.unavailable++;
		}
	}

	private HttpResponse<String> send(String key, String ndjson) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/events"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofString(ndjson))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Pinot consumes each partition in order: a visible fence on every partition means
	 * all before it is in.
	 */
	private void awaitFences(StackProperties stack, String key, String fence) throws Exception {
		int partitions = StackSupport.partitions(stack, "events");
		StringBuilder body = new StringBuilder();
		for (String id : StackSupport.fenceIds(fence, partitions)) {
			body.append(event(id, fence, 0)).append('\n');
		}
		assertThat(send(key, body.toString()).statusCode()).isEqualTo(200);
		PinotBroker pinot = new PinotBroker(stack.pinotBrokerUrl());
		await("Pinot consumed past every posted batch on every partition").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> StackSupport.count(pinot, fence), (n) -> n == partitions);
	}

	private static List<String> storedIds(PinotBroker pinot, String source) {
		JsonNode rows = pinot.query("SELECT eventId FROM events WHERE source = '" + source + "' LIMIT 1000000")
			.path("resultTable")
			.path("rows");
		List<String> ids = new ArrayList<>();
		rows.forEach((row) -> ids.add(row.get(0).asText()));
		return ids;
	}

	private static String event(String id, String source, int i) {
		return "{\"eventId\":\"" + id + "\",\"source\":\"" + source + "\",\"category\":\"news\",\"type\":\"headline\","
				+ "\"entityId\":\"story-" + (i % 10) + "\",\"eventTime\":" + (NOW + i)
				+ ",\"location\":{\"country\":\"FR\"},\"value\":" + i + "}";
	}

	private static final long NOW = Instant.now().minusSeconds(30).toEpochMilli();

	private static final class Outcomes {

		private final Set<String> posted = new HashSet<>();

		private final Set<String> acked = new HashSet<>();

		private int unavailable;

		private int batches;

	}

}
