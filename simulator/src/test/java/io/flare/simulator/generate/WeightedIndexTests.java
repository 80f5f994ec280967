package io.flare.simulator.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class WeightedIndexTests {

	@Test
	void shouldSampleZipfRanksInProportionToTheirWeights() {
		WeightedIndex zipf = WeightedIndex.zipf(2500, 1.1);
		int samples = 500_000;
		int[] counts = sample(zipf, samples);
		assertThat(counts[0] / (double) samples).isCloseTo(zipf.probability(0), within(0.005));
		assertThat(counts[9] / (double) samples).isCloseTo(zipf.probability(9), within(0.002));
		int[] sorted = counts.clone();
		Arrays.sort(sorted);
		int median = sorted[sorted.length / 2];
		assertThat(counts[0]).isGreaterThan(500 * Math.max(median, 1));
	}

	@Test
	void shouldSampleEqualWeightsUniformly() {
		WeightedIndex uniform = new WeightedIndex(new double[] { 1, 1, 1, 1 });
		int[] counts = sample(uniform, 100_000);
		for (int count : counts) {
			assertThat(count / 100_000.0).isCloseTo(0.25, within(0.01));
		}
	}

	@Test
	void shouldNeverSampleOutsideTheWeights() {
		WeightedIndex index = new WeightedIndex(new double[] { 0.5, 1e-9, 0.5 });
		SplittableRandom random = new SplittableRandom(1);
		for (int i = 0; i < 100_000; i++) {
			assertThat(index.sample(random)).isBetween(0, 2);
		}
	}

	@Test
	void shouldRejectWeightsThatAreNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WeightedIndex(new double[] { 1, 0 }))
			.withMessage("weight 1 must be positive, was 0.0");
		assertThatIllegalArgumentException().isThrownBy(() -> new WeightedIndex(new double[0]))
			.withMessage("weights must not be empty");
	}

	private static int[] sample(WeightedIndex index, int samples) {
		SplittableRandom random = new SplittableRandom(99);
		int[] counts = new int[index.size()];
		for (int i = 0; i < samples; i++) {
			counts[index.sample(random)]++;
		}
		return counts;
	}

}
