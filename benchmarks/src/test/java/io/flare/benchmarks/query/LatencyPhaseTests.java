package io.flare.benchmarks.query;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyPhaseTests {

	@Test
	void shouldCountOnlyAnswersThatRanTheirOwnPinotQueryAndIgnoreTheWarmUp() {
		LatencyPhase.Answers answers = new LatencyPhase.Answers();
		answers.add(-1, answer(false, 0, 1, 999));
		answers.add(0, answer(false, 0, 1, 100));
		answers.add(1, answer(true, 0, 0, 0));
		answers.add(2, answer(false, 12, 1, 50));
		assertThat(answers.summary()).containsEntry("answers", 3)
			.containsEntry("ranOwnPinotQuery", 1)
			.containsEntry("fromCache", 1)
			.containsEntry("meanCachedBuckets", 4.0)
			.containsEntry("pinotQueries", 2L)
			.containsEntry("meanValues", 2.0)
			.containsEntry("meanDocsScanned", 50.0);
	}

	@Test
	void shouldListTheSlowestRequestsWithWhenTheyWereSentAndLeaveFailedOnesOut() {
		LatencyPhase.Samples samples = new LatencyPhase.Samples(4);
		samples.add(1.5, 1_000);
		samples.add(Double.NaN, 2_000);
		samples.add(9.25, 3_000);
		samples.add(4.0, 4_000);
		assertThat(samples.slowest(2)).containsExactly(Map.of("sentAt", "1970-01-01T00:00:03Z", "ms", 9.25),
				Map.of("sentAt", "1970-01-01T00:00:04Z", "ms", 4.0));
		assertThat(samples.slowest(10)).hasSize(3);
		assertThat(samples.summary("cached").count()).isEqualTo(3);
	}

	private static String answer(boolean fromCache, int cachedBuckets, int pinotQueries, long docsScanned) {
		return "{\"buckets\":[{\"fromCache\":true}],\"values\":[{\"value\":1},{\"value\":2}],\"docsScanned\":"
				+ docsScanned + ",\"fromCache\":" + fromCache + ",\"cachedBuckets\":" + cachedBuckets
				+ ",\"pinotQueries\":" + pinotQueries + "}";
	}

}
