package io.flare.gateway.push;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ResultDifferTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void shouldReportEnteredLeftAndMovedTopKGroups() {
		JsonNode before = topK("[[\"a\", 1, 30], [\"b\", 2, 20], [\"c\", 3, 10]]");
		JsonNode after = topK("[[\"b\", 1, 40], [\"a\", 2, 30], [\"d\", 3, 15]]");

		ResultDiff diff = ResultDiffer.diff(before, after);

		assertThat(diff.entered()).extracting((group) -> group.path("entityId").asString()).containsExactly("d");
		assertThat(diff.left()).extracting((group) -> group.path("entityId").asString()).containsExactly("c");
		assertThat(diff.moved())
			.extracting((move) -> move.group().path("entityId").asString() + ":" + move.from() + "->" + move.to())
			.containsExactlyInAnyOrder("b:2->1", "a:1->2");
		assertThat(diff.values()).hasSize(3);
		assertThat(diff.removed()).singleElement()
			.satisfies((removed) -> assertThat(removed.path("group").path("entityId").asString()).isEqualTo("c"));
	}

	@Test
	void shouldReportNewAndChangedBucketsOfASeries() {
		JsonNode before = series("[[0, true], [10000, false]]", "[[0, 5], [10000, 2]]");
		JsonNode after = series("[[0, true], [10000, true], [20000, false]]", "[[0, 5], [10000, 3], [20000, 1]]");

		ResultDiff diff = ResultDiffer.diff(before, after);

		assertThat(diff.values()).extracting((entry) -> entry.path("bucket").asLong()).containsExactly(10000L, 20000L);
		assertThat(diff.buckets()).extracting((bucket) -> bucket.path("start").asLong())
			.containsExactly(10000L, 20000L);
		assertThat(diff.corrected()).isEmpty();
		assertThat(diff.removed()).isEmpty();
		assertThat(diff.droppedBuckets()).isEmpty();
	}

	@Test
	void shouldReportACorrectionWhenALateEventChangesAFinalBucket() {
		JsonNode before = series("[[0, true], [10000, false]]", "[[0, 5], [10000, 2]]");
		JsonNode after = series("[[0, true], [10000, false]]", "[[0, 6], [10000, 2]]");

		ResultDiff diff = ResultDiffer.diff(before, after);

		assertThat(diff.corrected()).containsExactly(0L);
		assertThat(diff.values()).singleElement()
			.satisfies((entry) -> assertThat(entry.path("value").asInt()).isEqualTo(6));
		assertThat(diff.buckets()).isEmpty();
	}

	@Test
	void shouldReportBucketsTheWindowSlidPast() {
		JsonNode before = series("[[0, true], [10000, false]]", "[[0, 5], [10000, 2]]");
		JsonNode after = series("[[10000, false], [20000, false]]", "[[10000, 2]]");

		ResultDiff diff = ResultDiffer.diff(before, after);

		assertThat(diff.droppedBuckets()).containsExactly(0L);
		assertThat(diff.removed()).singleElement()
			.satisfies((removed) -> assertThat(removed.path("bucket").asLong()).isZero());
		assertThat(diff.values()).isEmpty();
	}

	private static JsonNode topK(String ranks) {
		StringBuilder values = new StringBuilder();
		for (JsonNode rank : JSON.readTree(ranks)) {
			values.append(values.isEmpty() ? "" : ",")
				.append("{\"group\": {\"entityId\": \"%s\"}, \"rank\": %d, \"value\": %d}"
					.formatted(rank.get(0).asString(), rank.get(1).asInt(), rank.get(2).asInt()));
		}
		return JSON.readTree("{\"buckets\": [], \"values\": [" + values + "]}");
	}

	static JsonNode series(String buckets, String values) {
		StringBuilder bucketJson = new StringBuilder();
		for (JsonNode bucket : JSON.readTree(buckets)) {
			bucketJson.append(bucketJson.isEmpty() ? "" : ",")
				.append("{\"start\": %d, \"end\": %d, \"final\": %s}".formatted(bucket.get(0).asLong(),
						bucket.get(0).asLong() + 10000, bucket.get(1).asBoolean()));
		}
		StringBuilder valueJson = new StringBuilder();
		for (JsonNode value : JSON.readTree(values)) {
			valueJson.append(valueJson.isEmpty() ? "" : ",")
				.append("{\"bucket\": %d, \"group\": {\"category\": \"news\"}, \"value\": %d}"
					.formatted(value.get(0).asLong(), value.get(1).asInt()));
		}
		return JSON.readTree("{\"asOf\": 1, \"buckets\": [" + bucketJson + "], \"values\": [" + valueJson + "]}");
	}

}
