package io.flare.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.rsocket.exceptions.ApplicationErrorException;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "flare.gateway.changes.enabled=false", "flare.gateway.tcp-port=-1" })
// generous: the first scrape can be slow on a busy two-core build machine
@AutoConfigureWebTestClient(timeout = "PT30S")
class GatewayApplicationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private RSocketRequester.Builder requesterBuilder;

	@LocalServerPort
	private int port;

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
	void shouldTellThePageOnThisMachineToConnectAndOpenTheExamplePanels() {
		this.client.get()
			.uri("/page-config.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.token")
			.isEqualTo("local-dashboard")
			.jsonPath("$.panels[*].metric")
			.isEqualTo(List.of("events-per-second", "trending-entities", "breaking-news-velocity",
					"distinct-entities-by-country"));
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
			.contains("application=\"flare-dashboard-gateway\"")
			.contains("flare_gateway_queries")
			.contains("flare_gateway_evaluations_total");
	}

	@Test
	void shouldServeTheDashboardPageWithItsScripts() {
		String page = this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(page).contains("<title>Flare").contains("js/rsocket-bundle.js").contains("uPlot.iife.min.js");
		for (String script : new String[] { "/js/rsocket-bundle.js", "/js/diff.js", "/js/dashboard.js",
				"/webjars/uplot/1.6.30/dist/uPlot.iife.min.js", "/css/dashboard.css" }) {
			this.client.get().uri(script).exchange().expectStatus().isOk();
		}
	}

	@Test
	void shouldServeRSocketOverWebSocketOnTheHttpPort() {
		RSocketRequester requester = this.requesterBuilder.setupData("{\"token\": \"local-dashboard\"}")
			.dataMimeType(MediaType.APPLICATION_JSON)
			.websocket(URI.create("ws://localhost:" + this.port + "/rsocket"));
		try {
			// an unknown route: an RSocket error frame naming the route proves the
			// WebSocket upgrade, the setup and a round trip all worked
			StepVerifier.create(requester.route("flare.no-such-route").retrieveMono(String.class))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ApplicationErrorException.class)
					.hasMessageContaining("flare.no-such-route"))
				.verify(Duration.ofSeconds(10));
		}
		finally {
			requester.dispose();
		}
	}

}
