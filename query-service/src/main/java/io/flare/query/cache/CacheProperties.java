package io.flare.query.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Result caching.
 *
 * @param maxFinalBuckets how many final bucket results are kept (least recently used go
 * first)
 * @param finalTtl how long a final bucket's result is kept at most (late events drop it
 * sooner)
 * @param liveTtl how long a live (provisional) query result is reused as it is: identical
 * queries within this time, and identical concurrent queries, share one Pinot query
 * @param liveMaxStale how old a live result may be and still be answered at once while a
 * newer one is queried in the background (callers wait for a new one past this)
 * @param maxLiveQueries how many live query results are kept
 * @param enabled {@code false} turns both caches and the sharing of identical queries
 * off, so every request runs its own Pinot query (to measure the service without them)
 */
@ConfigurationProperties("flare.cache")
public record CacheProperties(@DefaultValue("20000") long maxFinalBuckets, @DefaultValue("1h") Duration finalTtl,
		@DefaultValue("500ms") Duration liveTtl, @DefaultValue("5s") Duration liveMaxStale,
		@DefaultValue("1000") long maxLiveQueries, @DefaultValue("true") boolean enabled) {

	public CacheProperties {
		if (liveMaxStale.compareTo(liveTtl) <= 0) {
			throw new IllegalArgumentException("flare.cache.live-max-stale (" + liveMaxStale
					+ ") must be longer than flare.cache.live-ttl (" + liveTtl + ")");
		}
	}

}
