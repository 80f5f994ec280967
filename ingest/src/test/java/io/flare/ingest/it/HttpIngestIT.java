package io.flare.ingest.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.flare.infra.stack.StackProperties;
import io.flare.infra.testing.FlareStackTest;
import io.flare.infra.testing.PinotBroker;
import io.flare.ingest.auth.ApiKeyStore;
import io.flare.ingest.auth.ApiKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End to end on the real stack: API keys in PostgreSQL, events over HTTP into Kafka,
 * counted by Pinot; a batch posted twice (a client's retry) and duplicates inside a batch
 * count once, whether the caller gave ids or ingest derived them.
 */
@FlareStackTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "flare.ingest.raw.enabled=false")
@AutoConfigureWebTestClient(timeout = "PT60S")
class HttpIngestIT {

	private static final int EVENTS = 1_000;

	@Autowired
	private WebTestClient client;

	@Autowired
	private ApiKeyStore store;

	@DynamicPropertySource
	static void stack(DynamicPropertyRegistry registry) {
		StackSupport.register(registry);
	}

	@Test
	void shouldCountARetriedBatchOnceInPinot(StackProperties stack) throws Exception {
		String source = StackSupport.uniqueSource("it-http");
		String key = ApiKeys.generate();
		this.store.create("it", Set.of(source), ApiKeys.hash(key));
		String batch = batch(source);
		PinotBroker pinot = new PinotBroker(stack.pinotBrokerUrl());

		post(key, batch).expectBody().jsonPath("$.accepted").isEqualTo(EVENTS + 10);
		await("Pinot counts every event once").atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> StackSupport.count(pinot, source), (n) -> n >= EVENTS);

		post(key, batch).expectBody().jsonPath("$.accepted").isEqualTo(EVENTS + 10);
		int partitions = StackSupport.partitions(stack, "events");
		String fence = source + "-fence";
		StringBuilder fences = new StringBuilder();
		for (String id : StackSupport.fenceIds(source, partitions)) {
			fences.append(event(id, fence, 0)).append('\n');
		}
		String fenceKey = ApiKeys.generate();
		this.store.create("it-fence", Set.of(fence), ApiKeys.hash(fenceKey));
		post(fenceKey, fences.toString()).expectStatus().isOk();
		await("Pinot consumed past the retried batch on every partition").atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> StackSupport.count(pinot, fence), (n) -> n == partitions);

		assertThat(StackSupport.count(pinot, source)).isEqualTo(EVENTS);
	}

	@Test
	void shouldReportKafkaUpInHealth() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.kafka.status")
			.isEqualTo("UP");
	}

	@Test
	void shouldRefuseUnknownKeysAndForeignSources() {
		this.client.post()
			.uri("/v1/events")
			.header("Authorization", "Bearer flr_not_a_key")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("[]")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		String key = ApiKeys.generate();
		this.store.create("it", Set.of("it-mine"), ApiKeys.hash(key));
		post(key, event("x-1", "it-not-mine", 1)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("source_not_allowed");
	}

	private WebTestClient.ResponseSpec post(String key, String ndjson) {
		return this.client.post()
			.uri("/v1/events")
			.header("Authorization", "Bearer " + key)
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.bodyValue(ndjson)
			.exchange();
	}

	/**
	 * Half with ids, half without (derived), and ten exact duplicates inside the batch.
	 */
	private static String batch(String source) {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < EVENTS; i++) {
			lines.add(event((i % 2 == 0) ? source + "-" + i : null, source, i));
		}
		lines.addAll(lines.subList(0, 10));
		return String.join("\n", lines);
	}

	private static String event(String id, String source, int i) {
		String idField = (id != null) ? "\"eventId\":\"" + id + "\"," : "";
		return "{" + idField + "\"source\":\"" + source + "\",\"category\":\"news\",\"type\":\"headline\","
				+ "\"entityId\":\"story-" + (i % 10) + "\",\"eventTime\":" + (FIXED_TIME + i)
				+ ",\"location\":{\"country\":\"fr\",\"city\":\"Paris\"},\"value\":" + i + "}";
	}

	private static final long FIXED_TIME = Instant.now().minusSeconds(60).toEpochMilli();

}
