package io.flare.gateway.changes;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class PinotIngestionProgressTests {

	@Test
	void shouldTakeTheSmallestOffsetOverReplicasPerPartition() {
		String body = """
				{"_segmentToConsumingInfoMap": {
				  "events__0__17__20261129T0739Z": [
				    {"serverName": "a", "consumerState": "CONSUMING", "partitionToOffsetMap": {"0": "69085"}},
				    {"serverName": "b", "consumerState": "CONSUMING", "partitionToOffsetMap": {"0": "69080"}}],
				  "events__1__17__20261129T0739Z": [
				    {"serverName": "a", "consumerState": "CONSUMING", "partitionToOffsetMap": {"1": "12"}}]}}""";

		assertThat(PinotIngestionProgress.parse(body)).containsOnly(Map.entry(0, 69080L), Map.entry(1, 12L));
	}

	@Test
	void shouldListNothingForATableWithoutConsumingSegments() {
		assertThat(PinotIngestionProgress.parse("{\"_segmentToConsumingInfoMap\": {}}")).isEmpty();
	}

	@Test
	void shouldFailOnAnOffsetThatIsNotANumber() {
		assertThatException().isThrownBy(() -> PinotIngestionProgress.parse("""
				{"_segmentToConsumingInfoMap": {"s": [{"partitionToOffsetMap": {"0": "x"}}]}}"""));
	}

}
