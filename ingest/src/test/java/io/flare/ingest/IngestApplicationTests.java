package io.flare.ingest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
// generous: the first scrape can be slow on a busy two-core build machine
@AutoConfigureWebTestClient(timeout = "PT30S")
class IngestApplicationTests {

	@Autowired
	private WebTestClient client;

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

		assertThat(body).contains("jvm_memory_used_bytes").contains("application=\"flare-ingest\"");
	}

}
