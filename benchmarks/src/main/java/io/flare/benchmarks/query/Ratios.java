package io.flare.benchmarks.query;

import io.flare.benchmarks.support.LatencySummary;

/**
 * One latency distribution over another, at p50 and p99 (e.g. cached over uncached: 0.1
 * means ten times faster).
 *
 * @param p50 numerator p50 / denominator p50
 * @param p99 numerator p99 / denominator p99
 */
record Ratios(double p50, double p99) {

	static Ratios of(LatencySummary numerator, LatencySummary denominator) {
		return new Ratios(ratio(numerator.p50(), denominator.p50()), ratio(numerator.p99(), denominator.p99()));
	}

	private static double ratio(double numerator, double denominator) {
		return (denominator > 0) ? Math.round(numerator / denominator * 1000) / 1000.0 : Double.NaN;
	}

}
