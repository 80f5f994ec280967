package io.flare.gateway.push;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.RejectedSetupException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import io.flare.gateway.changes.ObservedEvent;
import io.flare.gateway.subscription.FakeMetricResultSource;
import io.flare.gateway.subscription.SharedEvaluations;
import io.flare.gateway.transport.TcpRSocketServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.messaging.rsocket.RSocketRequester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes over a real RSocket-over-WebSocket connection, with a fake query service.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "flare.gateway.changes.enabled=false", "flare.gateway.evaluation.tick=100ms",
				"flare.gateway.auth.tokens.all=*", "flare.gateway.auth.tokens.other=some-other-metric",
				"flare.gateway.tcp-port=0" })
class RSocketRoutesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	private RSocketRequester.Builder builder;

	@Autowired
	private FakeMetricResultSource source;

	@Autowired
	private SharedEvaluations evaluations;

	@Autowired
	private TcpRSocketServer tcp;

	@LocalServerPort
	private int port;

	private final List<RSocketRequester> requesters = new ArrayList<>();

	@AfterEach
	void disconnect() {
		this.requesters.forEach(RSocketRequester::dispose);
	}

	@Test
	void shouldAnswerAQueryWithTheWholeResult() {
		StepVerifier
			.create(connect("{\"token\": \"all\"}").route("metrics.query")
				.data(new MetricRequest("news-count", Map.of("category", "news")))
				.retrieveMono(JsonNode.class))
			.assertNext((result) -> assertThat(result.path("metric").asString()).isEqualTo("news-count"))
			.verifyComplete();
	}

	@Test
	void shouldDrillIntoABucketsRawEventsForAMetricTheTokenGrants() {
		StepVerifier
			.create(connect("{\"token\": \"all\"}").route("metrics.drilldown")
				.data(new DrilldownRequest("news-count", Map.of("category", "sports"), 1_700_000_040_000L, 2, 10))
				.retrieveMono(JsonNode.class))
			.assertNext((page) -> {
				assertThat(page.path("sql").asString())
					.isEqualTo("SELECT * FROM events WHERE bucket1m = 1700000040000 LIMIT 10 OFFSET 20");
				assertThat(page.at("/rows/0/1").asString()).isEqualTo("sports");
			})
			.verifyComplete();
		StepVerifier
			.create(connect("{\"token\": \"other\"}").route("metrics.drilldown")
				.data(new DrilldownRequest("news-count", Map.of(), 1_700_000_040_000L, null, null))
				.retrieveMono(JsonNode.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("not allowed for this token"))
			.verify(TIMEOUT);
	}

	@Test
	void shouldRefuseADrilldownWithoutABucketOrWithABadPage() {
		RSocketRequester requester = connect("{\"token\": \"all\"}");
		StepVerifier
			.create(requester.route("metrics.drilldown")
				.data(new DrilldownRequest("news-count", Map.of(), null, 0, 10))
				.retrieveMono(JsonNode.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("bucket is required"))
			.verify(TIMEOUT);
		StepVerifier
			.create(requester.route("metrics.drilldown")
				.data(new DrilldownRequest("news-count", Map.of(), 0L, 0, 1000))
				.retrieveMono(JsonNode.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("size must be 1 to 100, got 1000"))
			.verify(TIMEOUT);
	}

	@Test
	void shouldListOnlyTheMetricsTheTokenGrants() {
		StepVerifier.create(connect("{\"token\": \"other\"}").route("metrics.list").retrieveFlux(MetricSummary.class))
			.assertNext((metric) -> {
				assertThat(metric.name()).isEqualTo("some-other-metric");
				assertThat(metric.measure()).isEqualTo("count");
				assertThat(metric.window()).isEqualTo("sliding");
				assertThat(metric.parameters()).containsEntry("category", "news");
			})
			.verifyComplete();
	}

	@Test
	void shouldPushASnapshotThenADiffWhenTheResultChanges() {
		StepVerifier
			.create(connect("{\"token\": \"all\"}").route("metrics.subscribe")
				.data(new MetricRequest("news-count", Map.of()))
				.retrieveFlux(Update.class))
			.assertNext((update) -> {
				assertThat(update.type()).isEqualTo(Update.SNAPSHOT);
				assertThat(update.seq()).isOne();
				this.source.value.set(42.0);
				this.evaluations
					.onEvents(List.of(new ObservedEvent(System.currentTimeMillis(), Map.of("category", "news"))));
			})
			.assertNext((update) -> {
				assertThat(update.type()).isEqualTo(Update.DIFF);
				assertThat(update.baseSeq()).isOne();
				assertThat(update.changes().values()).singleElement()
					.satisfies((entry) -> assertThat(entry.path("value").asDouble()).isEqualTo(42.0));
			})
			.thenCancel()
			.verify(TIMEOUT);
	}

	@Test
	void shouldRejectASetupWithoutAValidTokenAndStayHealthy() {
		for (String setup : new String[] { "{\"token\": \"guess\"}", "not json", "{}" }) {
			StepVerifier
				.create(connect(setup).route("metrics.query")
					.data(new MetricRequest("news-count", Map.of()))
					.retrieveMono(JsonNode.class))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(RejectedSetupException.class)
					.hasMessageStartingWith("setup: "))
				.verify(TIMEOUT);
		}
		shouldAnswerAQueryWithTheWholeResult();
	}

	@Test
	void shouldRejectAMetricTheTokenDoesNotGrant() {
		StepVerifier
			.create(connect("{\"token\": \"other\"}").route("metrics.subscribe")
				.data(new MetricRequest("news-count", Map.of()))
				.retrieveFlux(Update.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ApplicationErrorException.class)
				.hasMessage("metric 'news-count' is not allowed for this token"))
			.verify(TIMEOUT);
	}

	@Test
	void shouldRejectMalformedRoutePayloads() {
		RSocketRequester requester = connect("{\"token\": \"all\"}");

		StepVerifier.create(requester.route("metrics.query").data("{not json").retrieveMono(JsonNode.class))
			.expectError(ApplicationErrorException.class)
			.verify(TIMEOUT);
		StepVerifier
			.create(requester.route("metrics.subscribe")
				.data(new MetricRequest("Not A Name!", Map.of()))
				.retrieveFlux(Update.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ApplicationErrorException.class)
				.hasMessageContaining("is not a metric name"))
			.verify(TIMEOUT);
		StepVerifier
			.create(requester.route("metrics.query").data(new MetricRequest(null, null)).retrieveMono(JsonNode.class))
			.expectError(ApplicationErrorException.class)
			.verify(TIMEOUT);
		// the connection is still usable
		StepVerifier
			.create(requester.route("metrics.query")
				.data(new MetricRequest("news-count", Map.of()))
				.retrieveMono(JsonNode.class))
			.expectNextCount(1)
			.verifyComplete();
	}

	@Test
	void shouldRejectUnknownRoutesAndPayloadsOfTheWrongShape() {
		RSocketRequester requester = connect("{\"token\": \"all\"}");

		StepVerifier.create(requester.route("metrics.delete").data("{}").retrieveMono(JsonNode.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ApplicationErrorException.class)
				.hasMessageContaining("metrics.delete"))
			.verify(TIMEOUT);
		for (String payload : new String[] { "{\"metric\": 42}", "{\"metric\": \"news-count\", \"params\": \"news\"}",
				"{\"metric\": \"news-count\", \"params\": {\"category\": {\"nested\": 1}}}", "[1, 2]", "\"news-count\"",
				"" }) {
			StepVerifier.create(requester.route("metrics.subscribe").data(payload).retrieveFlux(Update.class))
				.as(payload)
				.expectError(ApplicationErrorException.class)
				.verify(TIMEOUT);
		}
		shouldStillAnswer(requester);
	}

	@Test
	void shouldRefuseAnOversizedRequestOnItsStreamAndGoOn() {
		RSocketRequester requester = connect("{\"token\": \"all\"}");
		String huge = "{\"metric\": \"news-count\", \"params\": {\"category\": \"" + "x".repeat(20_000) + "\"}}";

		StepVerifier.create(requester.route("metrics.subscribe").data(huge).retrieveFlux(Update.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ApplicationErrorException.class)
				.hasMessageStartingWith("request: the payload has ")
				.hasMessageEndingWith("bytes, at most 16384 are accepted"))
			.verify(TIMEOUT);
		shouldStillAnswer(requester);
	}

	@Test
	void shouldCloseAConnectionSendingAFrameLargerThanTheWebSocketAcceptsAndStayHealthy() {
		RSocketRequester requester = connect("{\"token\": \"all\"}");
		String huge = "{\"metric\": \"" + "x".repeat(1_000_000) + "\"}";

		StepVerifier.create(requester.route("metrics.query").data(huge).retrieveMono(JsonNode.class))
			.expectError()
			.verify(TIMEOUT);
		shouldStillAnswer(connect("{\"token\": \"all\"}"));
	}

	@Test
	void shouldServeTheSameRoutesAndTokensOverTcp() {
		StepVerifier
			.create(connectTcp("{\"token\": \"all\"}").route("metrics.subscribe")
				.data(new MetricRequest("news-count", Map.of("category", "news")))
				.retrieveFlux(Update.class)
				.take(1))
			.assertNext((update) -> {
				assertThat(update.type()).isEqualTo(Update.SNAPSHOT);
				assertThat(update.result().path("metric").asString()).isEqualTo("news-count");
			})
			.verifyComplete();
		StepVerifier
			.create(connectTcp("{\"token\": \"guess\"}").route("metrics.query")
				.data(new MetricRequest("news-count", Map.of()))
				.retrieveMono(JsonNode.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(RejectedSetupException.class)
				.hasMessage("setup: unknown token"))
			.verify(TIMEOUT);
		StepVerifier
			.create(connectTcp("{\"token\": \"other\"}").route("metrics.query")
				.data(new MetricRequest("news-count", Map.of()))
				.retrieveMono(JsonNode.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ApplicationErrorException.class)
				.hasMessage("metric 'news-count' is not allowed for this token"))
			.verify(TIMEOUT);
		// TCP frames may be far larger than WebSocket ones: the request limit still
		// applies
		RSocketRequester requester = connectTcp("{\"token\": \"all\"}");
		StepVerifier
			.create(requester.route("metrics.query")
				.data("{\"metric\": \"" + "x".repeat(1_000_000) + "\"}")
				.retrieveMono(JsonNode.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ApplicationErrorException.class)
				.hasMessageStartingWith("request: the payload has "))
			.verify(TIMEOUT);
		shouldStillAnswer(requester);
	}

	@Test
	void shouldRejectAnOversizedSetup() {
		String setup = "{\"token\": \"all\", \"pad\": \"" + "x".repeat(5000) + "\"}";
		StepVerifier
			.create(connectTcp(setup).route("metrics.query")
				.data(new MetricRequest("news-count", Map.of()))
				.retrieveMono(JsonNode.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(RejectedSetupException.class)
				.hasMessage("setup: the payload is larger than 4096 characters"))
			.verify(TIMEOUT);
		shouldStillAnswer(connectTcp("{\"token\": \"all\"}"));
	}

	private void shouldStillAnswer(RSocketRequester requester) {
		StepVerifier
			.create(requester.route("metrics.query")
				.data(new MetricRequest("news-count", Map.of()))
				.retrieveMono(JsonNode.class))
			.assertNext((result) -> assertThat(result.path("metric").asString()).isEqualTo("news-count"))
			.verifyComplete();
	}

	private RSocketRequester connectTcp(String setup) {
		RSocketRequester requester = this.builder.setupData(setup)
			.dataMimeType(MediaType.APPLICATION_JSON)
			.tcp("localhost", this.tcp.port());
		this.requesters.add(requester);
		return requester;
	}

	private RSocketRequester connect(String setup) {
		RSocketRequester requester = this.builder.setupData(setup)
			.dataMimeType(MediaType.APPLICATION_JSON)
			.websocket(URI.create("ws://localhost:" + this.port + "/rsocket"));
		this.requesters.add(requester);
		return requester;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FakeQueryService {

		@Bean
		@Primary
		FakeMetricResultSource fakeMetricResultSource() {
			return new FakeMetricResultSource();
		}

	}

}
