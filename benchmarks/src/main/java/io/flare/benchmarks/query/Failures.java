package io.flare.benchmarks.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Requests of the latency phase that got no answer (an error status, a timeout): counted
 * per mode, the first few messages kept, and a hook run at the very first one (to dump
 * the services' threads while a stall is still there). A failed request is not a latency
 * sample; the run goes on and the targets count it against the metric.
 */
final class Failures {

	private static final int SAMPLES = 3;

	private final Map<String, Integer> counts = new TreeMap<>();

	private final List<String> samples = new ArrayList<>();

	private final Runnable atFirst;

	private boolean seen;

	Failures(Runnable atFirst) {
		this.atFirst = atFirst;
	}

	/**
	 * Records one failed request.
	 * @param mode e.g. {@code uncached.star}
	 * @param message what failed
	 */
	synchronized void record(String mode, String message) {
		this.counts.merge(mode, 1, Integer::sum);
		if (this.samples.size() < SAMPLES) {
			this.samples.add(mode + ": " + message);
		}
		if (!this.seen) {
			this.seen = true;
			this.atFirst.run();
		}
	}

	/** Failed requests of one mode so far. */
	synchronized int count(String mode) {
		return this.counts.getOrDefault(mode, 0);
	}

	/** Mode to failed requests, for the results. */
	synchronized Map<String, Integer> counts() {
		return new TreeMap<>(this.counts);
	}

	/** The first few messages, for the results. */
	synchronized List<String> samples() {
		return List.copyOf(this.samples);
	}

}
