package io.flare.benchmarks.ingest;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IngestBenchmarkPartsTests {

	@Test
	void shouldCountTheEventsOfAnNdjsonBatch() {
		assertThat(HttpLoad.countLines("{\"a\":1}\n{\"a\":2}\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
		assertThat(HttpLoad.countLines("{\"a\":1}\n\n{\"a\":2}".getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
		assertThat(HttpLoad.countLines(new byte[0])).isZero();
	}

	@Test
	void shouldMeasurePartitionSkewAsMaxOverMean() {
		assertThat(HotKeyPhase.maxOverMean(new long[] { 100, 100, 100, 100 })).isEqualTo(1.0);
		assertThat(HotKeyPhase.maxOverMean(new long[] { 400, 0, 0, 0 })).isEqualTo(4.0);
		assertThat(HotKeyPhase.maxOverMean(new long[] { 0, 0 })).isZero();
	}

	@Test
	void shouldSeeTheViralEntityOnlyWhenItLeadsTheTop() {
		String leading = "{\"windowSeconds\":60,\"categories\":[{\"category\":\"news\",\"events\":9,"
				+ "\"top\":[{\"entityId\":\"viral-x\",\"estimate\":7},{\"entityId\":\"story-1\",\"estimate\":2}]}]}";
		String second = leading.replace("viral-x", "tmp").replace("story-1", "viral-x").replace("tmp", "story-1");

		assertThat(HotKeyPhase.HotKeyWatch.isTop(leading, "viral-x")).isTrue();
		assertThat(HotKeyPhase.HotKeyWatch.isTop(second, "viral-x")).isFalse();
		assertThat(HotKeyPhase.HotKeyWatch.isTop("{\"categories\":[]}", "viral-x")).isFalse();
		assertThat(HotKeyPhase.HotKeyWatch.isTop(leading, "viral")).isFalse();
	}

}
