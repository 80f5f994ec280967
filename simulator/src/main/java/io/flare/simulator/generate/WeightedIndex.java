package io.flare.simulator.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Samples an index in proportion to fixed weights, by binary search over the cumulative
 * distribution.
 */
final class WeightedIndex {

	private final double[] cumulative;

	WeightedIndex(double[] weights) {
		if (weights.length == 0) {
			throw new IllegalArgumentException("weights must not be empty");
		}
		this.cumulative = new double[weights.length];
		double total = 0;
		for (int i = 0; i < weights.length; i++) {
			if (!(weights[i] > 0) || Double.isInfinite(weights[i])) {
				throw new IllegalArgumentException("weight " + i + " must be positive, was " + weights[i]);
			}
			total += weights[i];
			this.cumulative[i] = total;
		}
		for (int i = 0; i < weights.length; i++) {
			this.cumulative[i] /= total;
		}
		this.cumulative[weights.length - 1] = 1.0;
	}

	/**
	 * Zipf weights: rank {@code k} (0-based) has weight {@code 1 / (k + 1)^exponent}.
	 */
	static WeightedIndex zipf(int size, double exponent) {
		double[] weights = new double[size];
		for (int k = 0; k < size; k++) {
			weights[k] = 1.0 / Math.pow(k + 1, exponent);
		}
		return new WeightedIndex(weights);
	}

	int size() {
		return this.cumulative.length;
	}

	/** The probability of index {@code i}. */
	double probability(int i) {
		return (i == 0) ? this.cumulative[0] : this.cumulative[i] - this.cumulative[i - 1];
	}

	int sample(SplittableRandom random) {
		int found = Arrays.binarySearch(this.cumulative, random.nextDouble());
		// an exact hit on a bucket's upper bound belongs to the next bucket
		return (found >= 0) ? Math.min(found + 1, this.cumulative.length - 1) : -found - 1;
	}

}
