package io.flare.benchmarks.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PercentilesTests {

	@Test
	void shouldReturnNearestRankPercentilesOfOneToHundred() {
		double[] samples = new double[100];
		for (int i = 0; i < 100; i++) {
			samples[i] = 100 - i;
		}
		assertThat(Percentiles.of(samples, 50)).isEqualTo(50);
		assertThat(Percentiles.of(samples, 90)).isEqualTo(90);
		assertThat(Percentiles.of(samples, 99)).isEqualTo(99);
		assertThat(Percentiles.of(samples, 100)).isEqualTo(100);
	}

	@Test
	void shouldOnlyReportObservedValues() {
		double[] samples = { 10, 20, 30, 40 };
		assertThat(Percentiles.of(samples, 50)).isEqualTo(20);
		assertThat(Percentiles.of(samples, 99)).isEqualTo(40);
		assertThat(Percentiles.of(samples, 1)).isEqualTo(10);
	}

	@Test
	void shouldSummarizeWithoutChangingTheSamples() {
		double[] samples = { 3.456, 1.0, 2.0 };
		LatencySummary summary = Percentiles.summarize(samples);
		assertThat(summary).isEqualTo(new LatencySummary(3, 2.0, 3.46, 3.46, 3.46));
		assertThat(samples).containsExactly(3.456, 1.0, 2.0);
	}

	@Test
	void shouldTakeTheLowerMiddleAsMedianOfAnEvenCount() {
		assertThat(Percentiles.median(new long[] { 7, 1, 5, 3 })).isEqualTo(3);
		assertThat(Percentiles.median(new long[] { 42 })).isEqualTo(42);
	}

	@Test
	void shouldRejectNoSamplesAndPercentilesOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.summarize(new double[0]))
			.withMessage("No samples");
		assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.of(new double[] { 1 }, 0))
			.withMessage("Percentile must be above 0 and at most 100, was 0.0");
		assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.of(new double[] { 1 }, 101))
			.withMessage("Percentile must be above 0 and at most 100, was 101.0");
	}

}
