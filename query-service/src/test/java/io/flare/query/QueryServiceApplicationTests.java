package io.flare.query;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole context starts with pinot-java-client on the class path (its exclusions
 * hold), against a real PostgreSQL and with Pinot unreachable: nothing connects to Pinot
 * at start-up.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
// generous: the first scrape can be slow on a busy two-core build machine
@AutoConfigureWebTestClient(timeout = "PT30S")
class QueryServiceApplicationTests {

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", EmbeddedRegistryDatabase::jdbcUrl);
		registry.add("spring.datasource.username", () -> "postgres");
		// nothing listens on port 1: Pinot is down for this test
		registry.add("flare.pinot.broker-url", () -> "http://127.0.0.1:1");
		registry.add("flare.pinot.controller-url", () -> "http://127.0.0.1:1");
		registry.add("flare.root", () -> TestCatalogs.root().toString());
	}

	@Test
	void shouldLoadTheMetricFilesIntoTheRegistryAtStartUp() {
		this.client.get()
			.uri("/v1/metrics/events-per-second")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.origin")
			.isEqualTo("file:metrics/events-per-second.yaml")
			.jsonPath("$.definition.window.bucket")
			.isEqualTo("10s");
	}

	@Test
	void shouldServeTheOpenApiDescription() {
		this.client.get()
			.uri("/openapi.yaml")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("/v1/metrics/{name}/result").contains("/v1/sql"));
	}

	@Test
	void shouldAnswerServiceUnavailableAsRetriableProblemWhenPinotIsDown() {
		this.client.get()
			.uri("/v1/metrics/events-per-second/result")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.retriable")
			.isEqualTo(true)
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).startsWith("Pinot is unreachable"));
	}

	@Test
	void shouldReportHealthUp() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
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

		assertThat(body).contains("jvm_memory_used_bytes").contains("application=\"flare-query-service\"");
	}

}
