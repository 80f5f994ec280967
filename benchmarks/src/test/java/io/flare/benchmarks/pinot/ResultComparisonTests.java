package io.flare.benchmarks.pinot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultComparisonTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void shouldMatchTheSameRowsInAnotherOrder() {
		ResultComparison comparison = ResultComparison.of(rows("[[\"news\", 10.5], [\"sports\", 3.0]]"),
				rows("[[\"sports\", 3.0], [\"news\", 10.5]]"));
		assertThat(comparison).isEqualTo(new ResultComparison(true, null));
	}

	@Test
	void shouldToleratePerturbedLastBitsOfFloatingPointSums() {
		assertThat(ResultComparison.of(rows("[[\"news\", 0.30000000000000004]]"), rows("[[\"news\", 0.3]]")).same())
			.isTrue();
		assertThat(ResultComparison.of(rows("[[\"news\", 1234.0]]"), rows("[[\"news\", 1234]]")).same()).isTrue();
	}

	@Test
	void shouldNotTolerateDifferentSums() {
		ResultComparison comparison = ResultComparison.of(rows("[[\"news\", 0.3001]]"), rows("[[\"news\", 0.3]]"));
		assertThat(comparison.same()).isFalse();
		assertThat(comparison.difference()).isEqualTo("row [\"news\",0.3001] vs [\"news\",0.3]");
	}

	@Test
	void shouldCompareCountsExactly() {
		assertThat(ResultComparison.of(rows("[[\"e-1\", 41]]"), rows("[[\"e-1\", 42]]")).same()).isFalse();
		assertThat(ResultComparison.of(rows("[[\"e-1\", 42]]"), rows("[[\"e-2\", 42]]")).same()).isFalse();
	}

	@Test
	void shouldReportDifferentRowCounts() {
		ResultComparison comparison = ResultComparison.of(rows("[[\"a\", 1], [\"b\", 2]]"), rows("[[\"a\", 1]]"));
		assertThat(comparison).isEqualTo(new ResultComparison(false, "2 rows vs 1"));
	}

	private static JsonNode rows(String rows) {
		try {
			return JSON.readTree("{\"rows\": " + rows + "}");
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
