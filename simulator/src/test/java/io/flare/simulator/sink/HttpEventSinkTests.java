package io.flare.simulator.sink;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.flare.simulator.generate.EventGenerator;
import io.flare.simulator.generate.GeneratedEvent;
import io.flare.simulator.generate.GeneratorProperties;
import io.flare.simulator.generate.TestClocks;

import static org.assertj.core.api.Assertions.assertThat;

class HttpEventSinkTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private final StubHttpServer server = newServer();

	private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

	private final List<GeneratedEvent> batch = new EventGenerator(GeneratorProperties.defaults(4),
			TestClocks.ticking(0))
		.next(3);

	@AfterEach
	void stopServer() throws IOException {
		this.server.close();
	}

	@Test
	void shouldPostTheBatchAsNdjsonWithTheBearerKey() {
		HttpEventSink sink = sink(this.server.uri("/v1/events"), "secret-key");
		sink.send(this.batch);
		assertThat(sink.stats()).isEqualTo(new SinkStats(3, 3, 0, null));
		StubHttpServer.Request request = this.server.requests().get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/v1/events");
		assertThat(request.headers()).containsEntry("authorization", "Bearer secret-key")
			.containsEntry("content-type", "application/x-ndjson");
		assertThat(request.body().split("\n")).hasSize(3)
			.allSatisfy((line) -> assertThat(line).startsWith("{\"eventId\""));
	}

	@Test
	void shouldSendNoAuthorizationHeaderWithoutAKey() {
		sink(this.server.uri("/v1/events"), null).send(this.batch);
		assertThat(this.server.requests().get(0).headers()).doesNotContainKey("authorization");
	}

	@Test
	void shouldCountARejectedBatchAsFailedWithoutRetrying() {
		this.server.respond(401);
		HttpEventSink sink = sink(this.server.uri("/v1/events"), "wrong");
		sink.send(this.batch);
		assertThat(sink.stats().failed()).isEqualTo(3);
		assertThat(sink.stats().acknowledged()).isZero();
		assertThat(sink.stats().lastError()).startsWith("HTTP 401 from http://127.0.0.1:").contains("stub");
		assertThat(this.server.requests()).hasSize(1);
		assertThat(this.sleeps).isEmpty();
	}

	@Test
	void shouldRetryTooManyRequestsAfterTheDelayTheServerAsksFor() {
		this.server.respond(429, "Retry-After", "2").respond(503, "Retry-After", "Thu, 01 Jan 2026 00:00:03 GMT");
		HttpEventSink sink = sink(this.server.uri("/v1/events"), null);
		sink.send(this.batch);
		assertThat(sink.stats()).isEqualTo(new SinkStats(3, 3, 0, null));
		assertThat(this.server.requests()).hasSize(3);
		assertThat(this.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3));
	}

	@Test
	void shouldCapTheBackoffAndGiveUpAfterTheLastAttempt() {
		for (int i = 0; i < 5; i++) {
			this.server.respond(503, "Retry-After", "3600");
		}
		HttpEventSink sink = sink(this.server.uri("/v1/events"), null);
		sink.send(this.batch);
		assertThat(sink.stats()).extracting(SinkStats::acknowledged, SinkStats::failed).containsExactly(0L, 3L);
		assertThat(sink.stats().lastError()).contains("HTTP 503").endsWith("(after 5 attempts)");
		assertThat(this.sleeps).hasSize(4).containsOnly(Duration.ofSeconds(10));
	}

	@Test
	void shouldBackOffExponentiallyWhenTheServerIsUnreachable() throws IOException {
		URI closedPort;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = URI.create("http://127.0.0.1:" + probe.getLocalPort() + "/v1/events");
		}
		HttpEventSink sink = sink(closedPort, null);
		sink.send(this.batch);
		assertThat(sink.stats().failed()).isEqualTo(3);
		assertThat(sink.stats().lastError()).startsWith("cannot post to " + closedPort);
		assertThat(this.sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
				Duration.ofMillis(1600));
	}

	@Test
	void shouldCountWhatIngestAcceptedAndRejectedEventByEvent() {
		this.server.respondWithBody(200,
				"{\"accepted\":2,\"rejected\":1,\"ids\":[\"a\",\"b\"],\"errors\":["
						+ "{\"index\":1,\"eventId\":null,\"field\":\"location.country\",\"code\":\"unknown_country\","
						+ "\"reason\":\"is not an ISO 3166-1 alpha-2 code\"},{\"index\":1,\"field\":\"value\"}]}");
		HttpEventSink sink = sink(this.server.uri("/v1/events"), null);

		sink.send(this.batch);

		assertThat(sink.stats()).isEqualTo(new SinkStats(3, 2, 1,
				"1 of 3 events rejected by ingest: location.country: is not an ISO 3166-1 alpha-2 code"));
		assertThat(this.server.requests()).hasSize(1);
		assertThat(this.sleeps).isEmpty();
	}

	@Test
	void shouldTakeAnAnswerWithoutCountsAsTheWholeBatchAccepted() {
		assertThat(HttpAttempt.outcome("not json", 5))
			.extracting(HttpAttempt::acceptedEvents, HttpAttempt::rejectedEvents)
			.containsExactly(5L, 0L);
		assertThat(HttpAttempt.outcome("", 5).acceptedEvents()).isEqualTo(5);
		assertThat(HttpAttempt.outcome("{\"accepted\":\"many\"}", 5).acceptedEvents()).isEqualTo(5);
	}

	@Test
	void shouldKeepSeveralBatchesInFlightAndWaitForThemOnClose() {
		HttpEventSink sink = sink(this.server.uri("/v1/events"), null, 3);
		for (int i = 0; i < 10; i++) {
			sink.send(this.batch);
		}
		sink.close();

		assertThat(sink.stats()).isEqualTo(new SinkStats(30, 30, 0, null));
		assertThat(this.server.requests()).hasSize(10);
	}

	private HttpEventSink sink(URI url, @Nullable String apiKey) {
		return sink(url, apiKey, 1);
	}

	private HttpEventSink sink(URI url, @Nullable String apiKey, int inFlight) {
		HttpSinkProperties properties = new HttpSinkProperties(url, apiKey, Duration.ofSeconds(5), 5,
				Duration.ofSeconds(10), inFlight);
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		return new HttpEventSink(properties, client, this.sleeps::add, InstantSource.fixed(NOW));
	}

	private static StubHttpServer newServer() {
		try {
			return new StubHttpServer();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
