package io.flare.ingest.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.reactive.function.client.WebClient;

import io.flare.ingest.backpressure.InFlightLimiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Past the in-flight bound, batches are refused with 429 and Retry-After, not queued. */
class BackpressureApiTests extends ApiTestBase {

	@Autowired
	InFlightLimiter inFlight;

	@Test
	void shouldAnswer429WhileTheInFlightBoundIsTakenAndRecoverAfterwards() {
		this.publisher.hold();
		CompletableFuture<Integer> first = WebClient.create()
			.post()
			.uri(this.client.get().uri("/").exchange().returnResult(Void.class).getUrl().resolve("/v1/events"))
			.header("X-Api-Key", KEY)
			.contentType(Fixtures.NDJSON)
			.bodyValue(batch(7000))
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.toFuture();
		awaitInFlight(7000);

		post(Fixtures.NDJSON, batch(6000)).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals("Retry-After", "1")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://flare.dev/problems/in-flight");

		this.publisher.release();
		assertThat(first.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join()).isEqualTo(200);
		post(Fixtures.NDJSON, batch(6000)).expectStatus().isOk();
		// the handler gives its permits back in doFinally, which may run just after the
		// client has the answer
		await("in-flight permits returned").atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(10))
			.until(this.inFlight::eventsInFlight, (n) -> n == 0);
		assertThat(this.inFlight.eventsInFlight()).isZero();
		assertThat(this.inFlight.bytesInFlight()).isZero();
	}

	private void awaitInFlight(long events) {
		await("events in flight").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(10))
			.until(this.inFlight::eventsInFlight, (n) -> n >= events);
		assertThat(this.inFlight.eventsInFlight()).isEqualTo(events);
	}

	private static String batch(int count) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < count; i++) {
			body.append(EventsApiTests.event(null).replace("match-1", "match-" + i)).append('\n');
		}
		return body.toString();
	}

}
