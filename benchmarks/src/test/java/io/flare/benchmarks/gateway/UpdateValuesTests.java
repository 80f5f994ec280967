package io.flare.benchmarks.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.flare.benchmarks.support.LatencySummary;

import static org.assertj.core.api.Assertions.assertThat;

class UpdateValuesTests {

	@Test
	void shouldReadTheValueOfASnapshotAndOfADiff() {
		assertThat(PushLatencyPhase
			.value("""
					{"type":"snapshot","seq":1,"baseSeq":null,"result":{"values":[{"group":{},"value":7.0}]},"changes":null}"""))
			.isEqualTo(7.0);
		assertThat(PushLatencyPhase
			.value("""
					{"type":"diff","seq":4,"baseSeq":3,"result":{"asOf":1},"changes":{"values":[{"group":{},"value":12.0}],"removed":[]}}"""))
			.isEqualTo(12.0);
	}

	@Test
	void shouldGiveMinusOneWithoutAValue() {
		assertThat(PushLatencyPhase.value("""
				{"type":"snapshot","seq":1,"result":{"values":[]}}""")).isEqualTo(-1.0);
		assertThat(PushLatencyPhase.value("""
				{"type":"diff","seq":2,"baseSeq":1,"result":{},"changes":{"values":[],"droppedBuckets":[1]}}"""))
			.isEqualTo(-1.0);
		assertThat(PushLatencyPhase.value("not json")).isEqualTo(-1.0);
	}

	@Test
	void shouldJudgeTargetsOnlyOnWhatWasMeasured() {
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("push", Map.of("latencyMs", new LatencySummary(10, 900, 1_500, 2_500, 3_000)));
		Map<String, Object> fanout = new LinkedHashMap<>();
		fanout.put("gatewayHeapAfterGcMb", null);
		fanout.put("gatewayHeapMaxObservedMb", 300.0);
		results.put("fanout", fanout);

		var targets = Targets.of(results);

		assertThat(targets).extracting((target) -> target.get("met")).containsExactly(false, null, true, null);
		assertThat(targets.get(2).get("value")).isEqualTo(300.0);
	}

}
