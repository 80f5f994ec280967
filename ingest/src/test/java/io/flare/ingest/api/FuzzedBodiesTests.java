package io.flare.ingest.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile and broken bodies each get one 4xx, and the service stays healthy. */
class FuzzedBodiesTests extends ApiTestBase {

	static List<String> hostileArrays() {
		return List.of("not json", "{", "[", "[{]", "null", "42", "\"text\"", "[{\"a\":1}}", "[1,2,]",
				"[" + "[".repeat(5000), "[{\"a\":" + "{\"b\":".repeat(3000) + "1" + "}".repeat(3001) + "]",
				"[{\"value\":" + "9".repeat(5000) + "}]", "[{\"source\":\"" + "s".repeat(200_000) + "\"}]",
				"[{\"" + "k".repeat(100_000) + "\":1}]", "[\"\\uZZZZ\"]", "[] []", "\u0000\u0001");
	}

	@ParameterizedTest
	@MethodSource("hostileArrays")
	void shouldAnswerOne4xxForEachHostileArrayBody(String body) {
		post(MediaType.APPLICATION_JSON, body).expectStatus()
			.value((status) -> assertThat(status).isBetween(400, 499))
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void shouldRejectEachBrokenNdjsonLineOnItsOwn() {
		String body = String.join("\n", "[1]", "{\"eventTime\":[]}", "{\"source\":{\"nested\":true}}", "nul",
				"{\"eventTime\":1e308}", "{\"location\":{\"lat\":\"north\"}}", "{\"attributes\":{\"a\":[1]}}");

		post(Fixtures.NDJSON, body).expectStatus().isEqualTo(422).expectBody().jsonPath("$.rejected").isEqualTo(7);
	}

	@Test
	void shouldAnswer4xxForInvalidUtf8() {
		byte[] invalid = { '[', '{', '"', 's', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}', ']' };
		byte[] overlong = { '[', '{', '"', 's', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}', ']' };

		post(MediaType.APPLICATION_JSON, invalid).expectStatus().isBadRequest();
		post(Fixtures.NDJSON, invalid).expectStatus().isEqualTo(422);
		post(MediaType.APPLICATION_JSON, overlong).expectStatus().value((status) -> assertThat(status).isIn(400, 422));
	}

	@Test
	void shouldAnswer4xxForRandomBytes() {
		Random random = new Random(42);
		for (int i = 0; i < 50; i++) {
			byte[] body = new byte[1 + random.nextInt(4096)];
			random.nextBytes(body);
			MediaType type = (i % 2 == 0) ? MediaType.APPLICATION_JSON : Fixtures.NDJSON;
			post(type, body).expectStatus().value((status) -> assertThat(status).isBetween(400, 499));
		}
	}

	@Test
	void shouldAnswer4xxForWrongTypesInEveryField() {
		List<String> lines = new ArrayList<>();
		for (String field : List.of("eventId", "source", "category", "type", "entityId", "eventTime", "location",
				"value", "attributes")) {
			for (String value : List.of("true", "[]", "{}", "-1.5e400", "\"\"")) {
				lines.add(EventsApiTests.event("w")
					.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[-0-9.]+|\\{[^}]*\\})", "\"" + field + "\":" + value));
			}
		}

		post(Fixtures.NDJSON, String.join("\n", lines)).expectStatus()
			.value((status) -> assertThat(status).isIn(200, 422))
			.expectBody()
			.jsonPath("$.rejected")
			.value(Integer.class, (rejected) -> assertThat(rejected).isGreaterThanOrEqualTo(lines.size() - 8));
	}

	@Test
	void shouldAnswer413ForAHundredThousandEventBatch() {
		String event = EventsApiTests.event(null);
		StringBuilder body = new StringBuilder(event.length() * 100_001);
		for (int i = 0; i < 100_000; i++) {
			body.append(event).append('\n');
		}

		post(Fixtures.NDJSON, body.toString().getBytes(StandardCharsets.UTF_8)).expectStatus().isEqualTo(413);
	}

	@AfterEach
	void shouldStayHealthy() {
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk();
		this.client.post()
			.uri("/v1/events")
			.header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("[" + EventsApiTests.event("still-works") + "]")
			.exchange()
			.expectStatus()
			.isOk();
	}

}
