package io.flare.benchmarks.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Matches probe events to the pushed updates that reflect them. Probe {@code k} carries
 * the value {@code k} (1, 2, 3, … in the order they are sent) and the subscribed metric
 * is the maximum value of the probes, so the first update whose value is at least
 * {@code k} is the one that shows probe {@code k}: its latency runs from the probe's
 * acceptance at ingest to that update's arrival. Times are {@link System#nanoTime()}
 * readings of one JVM. Thread-safe.
 */
final class ProbeLatencies {

	private final Map<Long, Long> accepted = new TreeMap<>();

	private final List<Observation> observations = new ArrayList<>();

	private long failed;

	/**
	 * Probe {@code probe} was accepted by ingest at {@code nanos}.
	 * @param probe its value, 1 or more
	 * @param nanos when the answer arrived
	 */
	synchronized void accepted(long probe, long nanos) {
		this.accepted.put(probe, nanos);
	}

	/** A probe that ingest did not accept; it is never matched. */
	synchronized void failed() {
		this.failed++;
	}

	/**
	 * An update showing {@code value} arrived at {@code nanos}; call in arrival order.
	 * @param value the metric's value in the update
	 * @param nanos when it arrived
	 */
	synchronized void observed(double value, long nanos) {
		this.observations.add(new Observation(value, nanos));
	}

	/**
	 * The latency of every accepted probe seen so far.
	 * @return what matched
	 */
	synchronized Result result() {
		List<Double> latencies = new ArrayList<>();
		int next = 0;
		long early = 0;
		for (Map.Entry<Long, Long> probe : this.accepted.entrySet()) {
			// the first update showing at least k comes no earlier than the one for k - 1
			while (next < this.observations.size() && this.observations.get(next).value() < probe.getKey()) {
				next++;
			}
			if (next == this.observations.size()) {
				break;
			}
			long nanos = this.observations.get(next).nanos() - probe.getValue();
			if (nanos < 0) {
				// the push beat ingest's answer to the client: the event was in Kafka
				// already
				early++;
				nanos = 0;
			}
			latencies.add(nanos / 1e6);
		}
		return new Result(this.accepted.size(), this.failed,
				latencies.stream().mapToDouble(Double::doubleValue).toArray(), early);
	}

	private record Observation(double value, long nanos) {
	}

	/**
	 * The matched probes.
	 *
	 * @param accepted probes ingest accepted
	 * @param failed probes ingest did not accept
	 * @param latenciesMs acceptance → arrival of each probe seen, milliseconds, in probe
	 * order
	 * @param pushedBeforeAccepted probes whose update arrived before ingest's answer did
	 * (counted as 0 ms)
	 */
	record Result(long accepted, long failed, double[] latenciesMs, long pushedBeforeAccepted) {

		int seen() {
			return this.latenciesMs.length;
		}

	}

}
