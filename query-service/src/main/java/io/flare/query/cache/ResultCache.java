package io.flare.query.cache;

import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flare.query.pinot.QueryResult;
import io.flare.query.window.LateDataListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Two Caffeine caches: final buckets (kept until a late event touches them or the TTL
 * ends) and live query results (a short TTL; identical concurrent queries share one
 * in-flight Pinot query). Hits, misses and the hit ratio are Micrometer metrics
 * ({@code cache_gets_total{cache="flare.final"}}, {@code flare.query.cache.hit.ratio}).
 * Both can be turned off ({@code flare.cache.enabled=false}) to measure the service
 * without them.
 */
@Component
public class ResultCache implements LateDataListener {

	private final Cache<BucketKey, List<List<Object>>> finals;

	private final AsyncCache<String, QueryResult> live;

	private static final int RECENT_TOUCHES = 256;

	private final AtomicLong generation = new AtomicLong();

	private final Deque<Touch> recent = new ConcurrentLinkedDeque<>();

	private final boolean enabled;

	public ResultCache(CacheProperties properties, MeterRegistry meters) {
		this.enabled = properties.enabled();
		this.finals = Caffeine.newBuilder()
			.maximumSize(properties.maxFinalBuckets())
			.expireAfterWrite(properties.finalTtl())
			.recordStats()
			.build();
		this.live = Caffeine.newBuilder()
			.maximumSize(properties.maxLiveQueries())
			.expireAfterWrite(properties.liveTtl())
			.recordStats()
			.buildAsync();
		CaffeineCacheMetrics.monitor(meters, this.finals, "flare.final");
		CaffeineCacheMetrics.monitor(meters, this.live, "flare.live");
		Gauge.builder("flare.query.cache.hit.ratio", this.finals, (cache) -> cache.stats().hitRate())
			.description("Share of final-bucket lookups answered from the cache")
			.register(meters);
	}

	/** The cached rows of a final bucket. */
	public Optional<List<List<Object>>> getFinal(BucketKey key) {
		if (!this.enabled) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.finals.getIfPresent(key));
	}

	/**
	 * The invalidation generation: read it before querying, pass it to {@link #putFinal}.
	 */
	public long generation() {
		return this.generation.get();
	}

	/**
	 * Caches a final bucket's rows, unless rows that could change it were seen since
	 * {@code generation} was read (the rows might predate them).
	 */
	public void putFinal(BucketKey key, List<List<Object>> rows, long generation) {
		if (this.enabled && !touchedSince(key, generation)) {
			this.finals.put(key, List.copyOf(rows));
			if (touchedSince(key, generation)) {
				this.finals.invalidate(key);
			}
		}
	}

	private boolean touchedSince(BucketKey key, long generation) {
		if (this.generation.get() == generation) {
			return false;
		}
		int checked = 0;
		for (Touch touch : this.recent) {
			if (touch.generation() > generation) {
				checked++;
				if (touch.affects(key)) {
					return true;
				}
			}
		}
		// the log no longer reaches back to that generation: assume the worst
		return checked < this.generation.get() - generation;
	}

	/**
	 * Runs {@code query} for {@code sql} unless an identical query is in flight or
	 * finished within the live TTL, whose result is shared instead.
	 */
	public Mono<Shared> coalesced(String sql, Supplier<Mono<QueryResult>> query) {
		if (!this.enabled) {
			return Mono.defer(() -> query.get().map((result) -> new Shared(result, false)));
		}
		return Mono.defer(() -> {
			boolean[] ran = { false };
			return Mono.fromFuture(this.live.get(sql, (key, executor) -> {
				ran[0] = true;
				return query.get().toFuture();
			}), true).map((result) -> new Shared(result, !ran[0]));
		});
	}

	@Override
	public void bucketsTouched(Map<String, Set<Long>> bySource) {
		Touch touch = new Touch(this.generation.incrementAndGet(), Map.copyOf(bySource));
		this.recent.addFirst(touch);
		while (this.recent.size() > RECENT_TOUCHES) {
			this.recent.pollLast();
		}
		this.finals.asMap().keySet().removeIf(touch::affects);
	}

	/** Forgets everything (tests, operations). */
	public void clear() {
		this.generation.incrementAndGet();
		this.finals.invalidateAll();
		this.live.synchronous().invalidateAll();
	}

	private record Touch(long generation, Map<String, Set<Long>> bySource) {

		boolean affects(BucketKey key) {
			for (Map.Entry<String, Set<Long>> entry : this.bySource.entrySet()) {
				for (long bucket : entry.getValue()) {
					if (key.covers(entry.getKey(), bucket)) {
						return true;
					}
				}
			}
			return false;
		}

	}

	/**
	 * A query result and whether it was shared rather than queried for this caller.
	 *
	 * @param result the result
	 * @param shared whether another caller's query answered it
	 */
	public record Shared(QueryResult result, boolean shared) {

	}

}
