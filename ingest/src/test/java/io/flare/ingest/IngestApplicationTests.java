package io.flare.ingest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.flare.ingest.support.EmbeddedDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "flare.ingest.raw.enabled=false", "spring.kafka.bootstrap-servers=127.0.0.1:1" })
// generous: the first scrape can be slow on a busy two-core build machine
@AutoConfigureWebTestClient(timeout = "PT30S")
class IngestApplicationTests {

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		EmbeddedDatabase.register(registry);
	}

	@Test
	void shouldReportDegradedButServingWhenKafkaIsUnreachable() {
		// this context's Kafka (127.0.0.1:1) never answers: alive, answering 503s, so 200
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DEGRADED")
			.jsonPath("$.components.kafka.status")
			.isEqualTo("DEGRADED")
			.jsonPath("$.components.db.status")
			.isEqualTo("UP");
	}

	@Test
	void shouldReportReadinessAndLivenessProbes() {
		this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

	@Test
	void shouldExposeJvmMetricsForPrometheus() {
		String body = this.client.get()
			.uri("/actuator/prometheus")
			.accept(MediaType.TEXT_PLAIN)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(body).contains("jvm_memory_used_bytes")
			.contains("application=\"flare-ingest\"")
			.contains("flare_ingest_inflight_events");
	}

	@Test
	void shouldServeTheOpenApiDescription() {
		this.client.get()
			.uri("/openapi.yaml")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((yaml) -> assertThat(yaml).startsWith("openapi: 3").contains("/v1/events:"));
	}

	@Test
	void shouldAnswerUnauthenticatedBatchWith401Problem() {
		this.client.post()
			.uri("/v1/events")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("[]")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401);
	}

}
