package io.flare.benchmarks.support;

/**
 * Percentiles of a set of measurements, in the unit of the samples (milliseconds
 * throughout the benchmarks).
 *
 * @param count how many samples
 * @param p50 median
 * @param p90 90th percentile
 * @param p99 99th percentile
 * @param max largest sample
 */
public record LatencySummary(int count, double p50, double p90, double p99, double max) {
}
