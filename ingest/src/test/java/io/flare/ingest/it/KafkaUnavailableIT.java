package io.flare.ingest.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
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

import io.flare.infra.testing.FlareStackTest;
import io.flare.ingest.auth.ApiKeyStore;
import io.flare.ingest.auth.ApiKeys;

/**
 * With the broker unreachable (a closed port; the shared broker stays up), a batch is
 * answered 503 with Retry-After within the configured bounds, and the service stays
 * healthy.
 */
@FlareStackTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "flare.ingest.raw.enabled=false", "flare.ingest.kafka.max-block=2s",
				"flare.ingest.kafka.request-timeout=2s", "flare.ingest.kafka.delivery-timeout=3s" })
@AutoConfigureWebTestClient(timeout = "PT30S")
class KafkaUnavailableIT {

	@Autowired
	private WebTestClient client;

	@Autowired
	private ApiKeyStore store;

	@DynamicPropertySource
	static void stack(DynamicPropertyRegistry registry) throws IOException {
		StackSupport.register(registry);
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + closedPort);
	}

	@Test
	void shouldAnswer503WithRetryAfterAndStayHealthy() {
		String key = ApiKeys.generate();
		this.store.create("it", Set.of("it-down"), ApiKeys.hash(key));
		String event = "{\"source\":\"it-down\",\"category\":\"news\",\"type\":\"headline\",\"entityId\":\"s\","
				+ "\"eventTime\":" + Instant.now().toEpochMilli() + "}";

		this.client.post()
			.uri("/v1/events")
			.header("X-Api-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("[" + event + "]")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "5")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://flare.dev/problems/kafka-unavailable");

		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.kafka.status")
			.isEqualTo("DEGRADED");
		this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
	}

}
