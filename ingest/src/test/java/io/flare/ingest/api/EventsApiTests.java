package io.flare.ingest.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP contract of {@code POST /v1/events} on the real application with a real
 * PostgreSQL for keys and an in-memory publisher in place of Kafka (the Kafka path is
 * covered by the integration tests).
 */
class EventsApiTests extends ApiTestBase {

	@Test
	void shouldAcceptJsonArrayAndAnswerIdsAfterPublishing() {
		post(MediaType.APPLICATION_JSON, "[" + event("a-1") + "," + event(null) + "]").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.accepted")
			.isEqualTo(2)
			.jsonPath("$.rejected")
			.isEqualTo(0)
			.jsonPath("$.ids[0]")
			.isEqualTo("a-1")
			.jsonPath("$.ids[1]")
			.value(String.class, (id) -> assertThat(id).startsWith("sha256-"))
			.jsonPath("$.errors")
			.isEmpty();
		assertThat(this.publisher.acknowledged()).hasSize(2);
	}

	@Test
	void shouldAcceptNdjson() {
		post(Fixtures.NDJSON, event("n-1") + "\n\n" + event("n-2") + "\n").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.ids.length()")
			.isEqualTo(2);
	}

	@Test
	void shouldAcceptGzipBody() {
		this.client.post()
			.uri("/v1/events")
			.header("X-Api-Key", KEY)
			.header("Content-Encoding", "gzip")
			.contentType(Fixtures.NDJSON)
			.bodyValue(gzip((event("g-1") + "\n").getBytes(StandardCharsets.UTF_8)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.ids[0]")
			.isEqualTo("g-1");
	}

	@Test
	void shouldListEachRejectedEventAndPublishOnlyTheValidOnes() {
		String invalid = event("bad").replace("\"FR\"", "\"XX\"");
		String foreign = event("foreign").replace("scoreline", "pressline");

		post(MediaType.APPLICATION_JSON, "[" + event("ok") + "," + invalid + "," + foreign + "]").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.accepted")
			.isEqualTo(1)
			.jsonPath("$.rejected")
			.isEqualTo(2)
			.jsonPath("$.errors[0].index")
			.isEqualTo(1)
			.jsonPath("$.errors[0].eventId")
			.isEqualTo("bad")
			.jsonPath("$.errors[0].field")
			.isEqualTo("location.country")
			.jsonPath("$.errors[0].code")
			.isEqualTo("unknown_country")
			.jsonPath("$.errors[1].index")
			.isEqualTo(2)
			.jsonPath("$.errors[1].code")
			.isEqualTo("source_not_allowed")
			.jsonPath("$.errors[1].reason")
			.isEqualTo("source 'pressline' is not allowed for this API key (allowed: scoreline, throttled)");
		assertThat(this.publisher.acknowledged()).extracting((e) -> e.eventId()).containsExactly("ok");
	}

	@Test
	void shouldAnswer422WhenEveryEventIsRejected() {
		post(Fixtures.NDJSON, "{\"source\":\"scoreline\"}\nnot json\n").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.accepted")
			.isEqualTo(0)
			.jsonPath("$.errors[?(@.index == 1)].code")
			.isEqualTo("malformed_json");
		assertThat(this.publisher.acknowledged()).isEmpty();
	}

	@Test
	void shouldAnswer401WithoutKeyOrWithUnknownKey() {
		this.client.post()
			.uri("/v1/events")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("[" + event("x") + "]")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer");
		this.client.post()
			.uri("/v1/events")
			.header("Authorization", "Bearer flr_unknown")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("[" + event("x") + "]")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("the API key is unknown or revoked");
	}

	@Test
	void shouldAnswer415ForOtherContentTypesAndEncodings() {
		post(MediaType.TEXT_PLAIN, "[]").expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.post()
			.uri("/v1/events")
			.header("X-Api-Key", KEY)
			.header("Content-Encoding", "br")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("[]")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Content-Encoding must be gzip or absent but was [br]");
	}

	@Test
	void shouldAnswer400ForEmptyBatchesAndMalformedBodies() {
		post(MediaType.APPLICATION_JSON, "[]").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://flare.dev/problems/invalid-batch")
			.jsonPath("$.detail")
			.isEqualTo("the batch holds no events");
		post(MediaType.APPLICATION_JSON, "").expectStatus().isBadRequest();
		post(MediaType.APPLICATION_JSON, "[{\"a\":").expectStatus().isBadRequest();
		this.client.post()
			.uri("/v1/events")
			.header("X-Api-Key", KEY)
			.header("Content-Encoding", "gzip")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("not gzip".getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void shouldAnswer413ForBodiesAndBatchesTooLarge() {
		post(MediaType.APPLICATION_JSON, "[" + "\"x\",".repeat(1_100_000) + "1]").expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("the body must be at most 4194304 bytes");
		post(Fixtures.NDJSON, "{}\n".repeat(100_000)).expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("a batch may hold at most 10000 events; split it into smaller batches");
	}

	@Test
	void shouldAnswer413ForAGzipBombWithoutExpandingIt() {
		this.client.post()
			.uri("/v1/events")
			.header("X-Api-Key", KEY)
			.header("Content-Encoding", "gzip")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(gzip(new byte[64 * 1024 * 1024]))
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("the decompressed body must be at most 4194304 bytes");
	}

	@Test
	void shouldAnswer429WithRetryAfterWhenASourceIsOverItsRate() {
		StringBuilder batch = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			batch.append(event("t-" + i).replace("scoreline", "throttled")).append('\n');
		}

		post(Fixtures.NDJSON, batch.toString()).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://flare.dev/problems/rate-limit");
		assertThat(this.publisher.acknowledged()).isEmpty();
	}

	@Test
	void shouldAnswer503WithRetryAfterWhenKafkaDoesNotAcknowledge() {
		this.publisher.unavailable(true);

		post(MediaType.APPLICATION_JSON, "[" + event("k-1") + "]").expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "5")
			.expectBody()
			.jsonPath("$.failed")
			.isEqualTo(1)
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("No event of this batch is acknowledged"));
	}

	@Test
	void shouldServeHotKeysOfAcceptedEvents() {
		post(MediaType.APPLICATION_JSON, "[" + event("h-1") + "," + event("h-2") + "]").expectStatus().isOk();

		this.client.get()
			.uri("/v1/hot-keys?category=sports&limit=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.categories[0].category")
			.isEqualTo("sports")
			.jsonPath("$.categories[0].top[0].entityId")
			.isEqualTo("match-1");
		this.client.get().uri("/v1/hot-keys?limit=0").exchange().expectStatus().isBadRequest();
	}

	@Test
	void shouldCountAcceptedAndRejectedEventsPerSourceAndReason() {
		post(MediaType.APPLICATION_JSON, "[" + event("m-1") + "," + event("m-2").replace("\"FR\"", "\"XX\"") + "]")
			.expectStatus()
			.isOk();

		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectBody(String.class)
			.value((body) -> assertThat(body)
				.containsPattern("flare_ingest_events_accepted_total\\{.*path=\"http\".*source=\"scoreline\".*\\}")
				.containsPattern("flare_ingest_events_rejected_total\\{.*reason=\"unknown_country\".*\\}")
				.contains("flare_ingest_kafka_send_seconds"));
	}

	static String event(String id) {
		return Fixtures.event(id, "scoreline", Instant.now().toEpochMilli());
	}

}
