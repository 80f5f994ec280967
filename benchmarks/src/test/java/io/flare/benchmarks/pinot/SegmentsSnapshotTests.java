package io.flare.benchmarks.pinot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentsSnapshotTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void shouldCountRowsOfConsumingSegmentsOnly() {
		JsonNode idealState = json("""
				{"t__0__0__20261129T0549Z": {"Server_1": "ONLINE"},
				 "t__0__1__20261129T0555Z": {"Server_1": "CONSUMING"},
				 "t__1__0__20261129T0549Z": {"Server_1": "CONSUMING"},
				 "t__2__0__20261129T0549Z": {"Server_1": "CONSUMING"}}
				""");
		JsonNode rows = json("""
				{"rows": [["t__0__0__20261129T0549Z", 25000], ["t__0__1__20261129T0555Z", 120],
				          ["t__1__0__20261129T0549Z", 7]]}
				""");
		assertThat(SegmentsSnapshot.of(idealState, rows)).isEqualTo(new SegmentsSnapshot(4, 3, 127));
	}

	@Test
	void shouldWriteTheRowsPerSegmentQueryForATable() {
		assertThat(String.format(SegmentsSnapshot.ROWS_PER_SEGMENT_SQL, "bench_star_r1"))
			.isEqualTo("SELECT $segmentName, COUNT(*) FROM bench_star_r1 GROUP BY $segmentName LIMIT 100000");
	}

	private static JsonNode json(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
