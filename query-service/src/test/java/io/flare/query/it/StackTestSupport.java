package io.flare.query.it;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.flare.infra.stack.StackProperties;
import io.flare.infra.testing.FlareStackExtension;
import io.flare.infra.testing.FlareStackTest;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The query service on a random port against the real local stack (Pinot, Kafka,
 * PostgreSQL), with short lateness and grace so that buckets a few seconds old are final.
 * Subclasses share one application context.
 */
@FlareStackTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
abstract class StackTestSupport {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The token the service is configured with for raw events ({@code flare.sql.tokens}).
	 */
	static final String RAW_EVENTS_TOKEN = "it-raw-events-token";

	/** A client without credentials. */
	@Autowired
	WebTestClient anonymous;

	/** A client that sends the raw-events token. */
	WebTestClient client;

	@BeforeEach
	void authorizeClient() {
		this.client = this.anonymous.mutate()
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + RAW_EVENTS_TOKEN)
			.build();
	}

	@DynamicPropertySource
	static void stack(DynamicPropertyRegistry registry) {
		properties().forEach((key, value) -> registry.add(key, () -> value));
	}

	/** The properties pointing the service at the stack (also for a second instance). */
	static Map<String, String> properties() {
		StackProperties stack = FlareStackExtension.ensureStarted();
		return Map.of("spring.datasource.url", stack.jdbcUrl(), "spring.datasource.username", "postgres",
				"flare.pinot.broker-url", stack.pinotBrokerUrl(), "flare.pinot.controller-url",
				stack.pinotControllerUrl(), "spring.kafka.bootstrap-servers", stack.kafkaBootstrap(), "flare.root",
				stack.root().toString(), "flare.watermark.allowed-lateness", "2s", "flare.watermark.grace", "2s",
				"flare.sql.tokens", RAW_EVENTS_TOKEN);
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** PUTs a JSON definition and expects it accepted. */
	JsonNode put(String name, String json) {
		String body = SlowCallWatchdog.watch("PUT /v1/metrics/" + name,
				() -> this.client.put()
					.uri("/v1/metrics/{name}", name)
					.contentType(MediaType.APPLICATION_JSON)
					.header("X-Flare-Author", "it")
					.bodyValue(json)
					.exchange()
					.expectStatus()
					.is2xxSuccessful()
					.expectBody(String.class)
					.returnResult()
					.getResponseBody());
		return JSON.readTree(body);
	}

	/** GETs a result and expects 200. */
	JsonNode result(String name, String query) {
		return get("/v1/metrics/" + name + "/result" + query);
	}

	JsonNode get(String uri) {
		return get(uri, "");
	}

	/** GETs {@code uri} with a {@code Cache-Control} header (none when empty). */
	JsonNode get(String uri, String cacheControl) {
		String body = SlowCallWatchdog.watch("GET " + uri, () -> this.client.get().uri(uri).headers((headers) -> {
			if (!cacheControl.isEmpty()) {
				headers.setCacheControl(cacheControl);
			}
		}).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
		return JSON.readTree(body);
	}

	static Duration seconds(long seconds) {
		return Duration.ofSeconds(seconds);
	}

}
