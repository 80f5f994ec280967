package io.flare.query.pinot;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flare.query.pinot.QueryExecutionException.Kind;
import org.apache.pinot.client.BrokerResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** How the broker's JSON answer becomes a {@link QueryResult}. */
class BrokerAnswerTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void shouldReadCellsAsTheirColumnTypesSay() {
		QueryResult result = PinotMetricQueryExecutor.toResult(answer("""
				{"resultTable": {"dataSchema": {"columnNames": ["bucket10s", "category", "count(*)", "avg", "big"],
				  "columnDataTypes": ["TIMESTAMP", "STRING", "LONG", "DOUBLE", "LONG"]},
				  "rows": [[1795953750000, "sports", 42, 1.5, "9007199254740993"],
				           [1795953760000, "news", 7, "-Infinity", 12.0]]},
				 "exceptions": [], "numDocsScanned": 49, "totalDocs": 1000, "numSegmentsQueried": 3,
				 "numSegmentsProcessed": 2, "numConsumingSegmentsQueried": 1, "timeUsedMs": 6,
				 "numGroupsLimitReached": true}
				"""));
		assertThat(result.columns()).containsExactly("bucket10s", "category", "count(*)", "avg", "big");
		assertThat(result.types()).containsExactly("TIMESTAMP", "STRING", "LONG", "DOUBLE", "LONG");
		assertThat(result.rows()).containsExactly(Arrays.asList(1795953750000L, "sports", 42L, 1.5, 9007199254740993L),
				Arrays.asList(1795953760000L, "news", 7L, Double.NEGATIVE_INFINITY, 12.0));
		assertThat(result.stats()).isEqualTo(new QueryResult.QueryStats(49, 1000, 3, 2, 1, 6, true));
	}

	@Test
	void shouldKeepNullsAndUnparsableNumbersAsText() {
		QueryResult result = PinotMetricQueryExecutor.toResult(answer("""
				{"resultTable": {"dataSchema": {"columnNames": ["a", "b", "c", "d"],
				  "columnDataTypes": ["LONG", "DOUBLE", "STRING", "STRING_ARRAY"]},
				  "rows": [[null, "n/a", "null", ["x", "y"]]]}, "exceptions": []}
				"""));
		assertThat(result.rows()).containsExactly(List.of("null", "n/a", "null", "[\"x\",\"y\"]"));
	}

	@Test
	void shouldAnswerNoRowsWithoutAResultTable() {
		QueryResult result = PinotMetricQueryExecutor.toResult(answer("{\"exceptions\": [], \"numDocsScanned\": 0}"));
		assertThat(result.rows()).isEmpty();
		assertThat(result.columns()).isEmpty();
	}

	@Test
	void shouldClassifyThePinotExceptionInTheAnswer() {
		assertThatExceptionOfType(QueryExecutionException.class)
			.isThrownBy(() -> PinotMetricQueryExecutor.toResult(answer("""
					{"exceptions": [{"errorCode": 250, "message": "QueryExecutionError: TimeoutError while waiting"}]}
					""")))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.TIMEOUT))
			.withMessageStartingWith("Pinot timed out: ");
		assertThatExceptionOfType(QueryExecutionException.class)
			.isThrownBy(() -> PinotMetricQueryExecutor.toResult(answer("""
					{"exceptions": [{"errorCode": 150, "message": "SQLParsingError: Encountered \\"FORM\\""}]}
					""")))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.REJECTED))
			.withMessageStartingWith("Pinot rejected the query: ");
	}

	private static BrokerResponse answer(String json) {
		try {
			return BrokerResponse.fromJson(JSON.readTree(json));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
