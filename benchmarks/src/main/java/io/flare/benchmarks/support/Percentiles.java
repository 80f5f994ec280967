package io.flare.benchmarks.support;

import java.util.Arrays;

/**
 * Nearest-rank percentiles: the value at rank {@code ceil(p/100 * n)} of the sorted
 * samples, so every reported figure is one that was actually observed.
 */
public final class Percentiles {

	private Percentiles() {
	}

	/**
	 * The p-th percentile of the samples.
	 * @param samples the samples, in any order (not modified)
	 * @param p the percentile, above 0 and at most 100
	 * @return the observed value at that rank
	 */
	public static double of(double[] samples, double p) {
		double[] sorted = sortedCopy(samples);
		return atRank(sorted, p);
	}

	/**
	 * The median (nearest rank, so the lower middle value of an even count).
	 * @param samples the samples, in any order (not modified)
	 * @return the median
	 */
	public static long median(long[] samples) {
		if (samples.length == 0) {
			throw new IllegalArgumentException("No samples");
		}
		long[] sorted = samples.clone();
		Arrays.sort(sorted);
		return sorted[rankIndex(sorted.length, 50)];
	}

	/**
	 * p50, p90, p99 and max of the samples.
	 * @param samples the samples, in any order (not modified)
	 * @return the summary
	 */
	public static LatencySummary summarize(double[] samples) {
		double[] sorted = sortedCopy(samples);
		return new LatencySummary(sorted.length, round(atRank(sorted, 50)), round(atRank(sorted, 90)),
				round(atRank(sorted, 99)), round(sorted[sorted.length - 1]));
	}

	private static double[] sortedCopy(double[] samples) {
		if (samples.length == 0) {
			throw new IllegalArgumentException("No samples");
		}
		double[] sorted = samples.clone();
		Arrays.sort(sorted);
		return sorted;
	}

	private static double atRank(double[] sorted, double p) {
		return sorted[rankIndex(sorted.length, p)];
	}

	private static int rankIndex(int count, double p) {
		if (!(p > 0 && p <= 100)) {
			throw new IllegalArgumentException("Percentile must be above 0 and at most 100, was " + p);
		}
		int rank = (int) Math.ceil(p / 100 * count);
		return Math.max(rank, 1) - 1;
	}

	/** Two decimals: finer than the clock's noise is not information. */
	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
