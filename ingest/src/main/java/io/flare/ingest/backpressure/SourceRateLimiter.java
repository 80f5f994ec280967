package io.flare.ingest.backpressure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets per source (Bucket4j): each source may send its rate per second
 * sustained, with bursts up to the bucket's capacity. A batch takes tokens from every
 * source it names, all or none.
 */
public final class SourceRateLimiter {

	private final BackpressureProperties properties;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	public SourceRateLimiter(BackpressureProperties properties) {
		this.properties = properties;
	}

	/**
	 * Takes tokens for a batch.
	 * @param eventsBySource how many events the batch holds per source
	 * @throws BackpressureException when a source is over its rate; no tokens are taken
	 * then
	 */
	public void acquire(Map<String, Integer> eventsBySource) {
		List<Map.Entry<Bucket, Integer>> taken = new ArrayList<>(eventsBySource.size());
		for (Map.Entry<String, Integer> entry : eventsBySource.entrySet()) {
			Bucket bucket = bucket(entry.getKey());
			ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(entry.getValue());
			if (!probe.isConsumed()) {
				taken.forEach((t) -> t.getKey().addTokens(t.getValue()));
				throw new BackpressureException(refusal(entry.getKey(), entry.getValue(), probe));
			}
			taken.add(Map.entry(bucket, entry.getValue()));
		}
	}

	private Refusal refusal(String source, int events, ConsumptionProbe probe) {
		long capacity = Math.max(this.properties.burst(), this.properties.rateOf(source));
		if (events > capacity) {
			return new Refusal("rate_limit",
					"source '" + source + "' may send at most " + capacity + " events at once; split the batch",
					Duration.ofSeconds(1));
		}
		Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
		return new Refusal("rate_limit", "source '" + source + "' is over its rate of " + this.properties.rateOf(source)
				+ " events/s; retry after " + wait.toMillis() + " ms", wait);
	}

	private Bucket bucket(String source) {
		Bucket bucket = this.buckets.get(source);
		if (bucket != null) {
			return bucket;
		}
		return this.buckets.computeIfAbsent(source, (s) -> {
			long rate = this.properties.rateOf(s);
			long capacity = Math.max(this.properties.burst(), rate);
			return Bucket.builder()
				.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(rate, Duration.ofSeconds(1)).build())
				.build();
		});
	}

}
