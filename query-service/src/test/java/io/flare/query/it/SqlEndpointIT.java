package io.flare.query.it;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

/**
 * {@code POST /v1/sql} against the real Pinot: one bounded SELECT runs; everything else
 * is refused with a clear problem, before Pinot sees it.
 */
class SqlEndpointIT extends StackTestSupport {

	@Test
	void shouldRunASelectWithTheDefaultLimitEnforced() {
		this.client.post()
			.uri("/v1/sql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("sql", "SELECT category, COUNT(*) FROM events GROUP BY category"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.sql")
			.isEqualTo("SELECT category, COUNT(*) FROM events GROUP BY category LIMIT 1000")
			.jsonPath("$.columns[0]")
			.isEqualTo("category");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					DROP TABLE events                                  | sql-not-select          | got Drop
					INSERT INTO events (eventId) VALUES ('x')          | sql-not-select          | got Insert
					DELETE FROM events WHERE source = 'x'              | sql-not-select          | got Delete
					SELECT * FROM events; DELETE FROM events           | sql-multiple-statements | Exactly one statement is allowed, got 2
					SELECT * FROM events /* */ LIMIT 1                 | sql-comment             | Comments (-- or /* */) are not allowed
					SELECT * FROM events --                            | sql-comment             | Comments (-- or /* */) are not allowed
					SELECT * FROM events_OFFLINE                       | sql-table-not-allowed   | Table 'events_OFFLINE' is not allowed
					SELECT * FROM events LIMIT 1000000                 | sql-limit-too-large     | LIMIT 1000000 exceeds the maximum of 10000 rows
					""")
	void shouldRefuseWithAClearProblem(String sql, String type, String detail) {
		this.client.post()
			.uri("/v1/sql")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue(sql)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://flare.io/problems/" + type)
			.jsonPath("$.detail")
			.value((text) -> org.assertj.core.api.Assertions.assertThat(text.toString()).contains(detail));
	}

	@Test
	void shouldRefuseRawEventsWithoutTheToken() {
		this.anonymous.post()
			.uri("/v1/sql")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("SELECT * FROM events")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Reading raw events needs a token: send Authorization: Bearer <token>");
		this.anonymous.get()
			.uri("/v1/metrics/events-per-second/drilldown?bucket=0")
			.header("Authorization", "Bearer guessed")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The token is not allowed to read raw events");
		this.anonymous.get()
			.uri("/v1/metrics/events-per-second/result")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Void.class);
	}

	@Test
	void shouldStopAnExpensiveScanAtTheTimeout() {
		String scan = "SELECT DISTINCTCOUNT(eventId) FROM events WHERE REGEXP_LIKE(eventId, '.*9.*9.*9.*')";
		this.client.post()
			.uri("/v1/sql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("sql", scan, "timeoutMs", 1))
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.valueEquals("Retry-After", "1")
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The statement ran longer than the 1 ms timeout;"
					+ " filter on the bucket columns or a narrower time range")
			.jsonPath("$.retriable")
			.isEqualTo(true);
	}

}
