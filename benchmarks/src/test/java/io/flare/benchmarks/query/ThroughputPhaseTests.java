package io.flare.benchmarks.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThroughputPhaseTests {

	@Test
	void shouldReadTheAnswersOwnPinotQueriesNotABucketsOrValues() {
		String answer = "{\"metric\":\"m\",\"buckets\":[{\"start\":1,\"final\":true,\"fromCache\":true}],"
				+ "\"values\":[{\"group\":{\"pinotQueries\":7},\"value\":1}],\"docsScanned\":10,\"fromCache\":false,"
				+ "\"cachedBuckets\":0,\"pinotQueries\":1,\"starTreeEligible\":true,\"truncated\":false}";
		assertThat(ThroughputPhase.pinotQueries(answer)).isEqualTo(1);
		assertThat(ThroughputPhase.pinotQueries(answer.replace("\"pinotQueries\":1,", "\"pinotQueries\":0,"))).isZero();
		assertThat(ThroughputPhase.pinotQueries("{}")).isZero();
	}

}
