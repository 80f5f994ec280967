package io.flare.benchmarks.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeLatenciesTests {

	private static final long MS = 1_000_000;

	@Test
	void shouldMatchEachProbeToTheFirstUpdateShowingIt() {
		ProbeLatencies probes = new ProbeLatencies();
		probes.accepted(1, 1_000 * MS);
		probes.accepted(2, 2_000 * MS);
		probes.accepted(3, 3_000 * MS);
		probes.observed(-1, 500 * MS);
		probes.observed(1, 1_400 * MS);
		// probes 2 and 3 show up together in one update
		probes.observed(3, 3_900 * MS);
		probes.observed(3, 4_500 * MS);

		ProbeLatencies.Result result = probes.result();

		assertThat(result.accepted()).isEqualTo(3);
		assertThat(result.seen()).isEqualTo(3);
		assertThat(result.latenciesMs()).containsExactly(400.0, 1_900.0, 900.0);
		assertThat(result.pushedBeforeAccepted()).isZero();
	}

	@Test
	void shouldLeaveProbesNotYetShownUnmatched() {
		ProbeLatencies probes = new ProbeLatencies();
		probes.accepted(1, 1_000 * MS);
		probes.accepted(2, 2_000 * MS);
		probes.observed(1, 1_250 * MS);

		ProbeLatencies.Result result = probes.result();

		assertThat(result.seen()).isEqualTo(1);
		assertThat(result.latenciesMs()).containsExactly(250.0);
	}

	@Test
	void shouldSkipProbesIngestRefusedAndStillMatchLaterOnes() {
		ProbeLatencies probes = new ProbeLatencies();
		probes.accepted(1, 1_000 * MS);
		probes.failed();
		probes.accepted(3, 3_000 * MS);
		probes.observed(1, 1_100 * MS);
		probes.observed(3, 3_300 * MS);

		ProbeLatencies.Result result = probes.result();

		assertThat(result.accepted()).isEqualTo(2);
		assertThat(result.failed()).isEqualTo(1);
		assertThat(result.latenciesMs()).containsExactly(100.0, 300.0);
	}

	@Test
	void shouldCountAPushThatBeatIngestsAnswerAsZero() {
		ProbeLatencies probes = new ProbeLatencies();
		probes.observed(1, 900 * MS);
		probes.accepted(1, 1_000 * MS);

		ProbeLatencies.Result result = probes.result();

		assertThat(result.latenciesMs()).containsExactly(0.0);
		assertThat(result.pushedBeforeAccepted()).isOne();
	}

	@Test
	void shouldNotMatchAnythingWithoutUpdates() {
		ProbeLatencies probes = new ProbeLatencies();
		probes.accepted(1, 1_000 * MS);

		assertThat(probes.result().seen()).isZero();
	}

}
