package io.flare.benchmarks.pinot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FreshnessProbeTests {

	@Test
	void shouldPollForOneEventFromItsEventTimeOn() {
		assertThat(FreshnessProbe.probeSql("bench_star_r1", "probe-r1-idle-7", 1795932446856L)).isEqualTo(
				"SELECT COUNT(*) FROM bench_star_r1 WHERE eventId = 'probe-r1-idle-7' AND eventTime >= 1795932446856");
	}

	@Test
	void shouldDescribeTheProbeQueryForTheResultsFile() {
		assertThat(FreshnessProbe.probeSqlShape("t"))
			.isEqualTo("SELECT COUNT(*) FROM t WHERE eventId = '<id>' AND eventTime >= <its eventTime>");
	}

}
