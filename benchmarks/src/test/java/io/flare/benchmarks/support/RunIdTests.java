package io.flare.benchmarks.support;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunIdTests {

	@Test
	void shouldNameRunsAfterTheirUtcStartSecond() {
		RunId run = new RunId(Instant.parse("2026-11-29T06:15:02.789Z"));
		assertThat(run.value()).isEqualTo("20261129t061502");
		assertThat(run.timestamp()).isEqualTo("20261129T061502Z");
		assertThat(run.start()).isEqualTo(Instant.parse("2026-11-29T06:15:02Z"));
	}

}
