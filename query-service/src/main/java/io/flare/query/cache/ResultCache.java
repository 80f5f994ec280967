package io.flare.query.cache;

import java.time.Clock;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.flare.query.pinot.MetricQueryExecutor;
import io.flare.query.pinot.QueryResult;
import io.flare.query.window.LateDataListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Two Caffeine caches: final buckets (kept until a late event touches them or the TTL
 * ends) and live query results. A live result is reused as it is for the live TTL; after
 * that the next caller still gets it at once while one query refreshes it in the
 * background (stale-while-revalidate), until it is {@code live-max-stale} old and callers
 * wait for a new one. Identical concurrent queries share one in-flight Pinot query. A
 * caller that must see what Pinot holds now ({@link Freshness#FRESH}) runs its own query
 * and leaves the result for the others. Hits, misses, stale answers and the hit ratio are
 * Micrometer metrics ({@code cache_gets_total{cache="flare.final"}},
 * {@code flare.query.cache.live.stale}, {@code flare.query.cache.hit.ratio}). Both caches
 * can be turned off ({@code flare.cache.enabled=false}) to measure the service without
 * them.
 */
@Component
public class ResultCache implements LateDataListener {

	private final Cache<BucketKey, List<List<Object>>> finals;

	private final AsyncLoadingCache<String, Live> live;

	private final MetricQueryExecutor pinot;

	private final Clock clock;

	private final Ticker ticker;

	private final long liveTtlNanos;

	private final Counter staleAnswers;

	private static final int RECENT_TOUCHES = 256;

	private final AtomicLong generation = new AtomicLong();

	private final Deque<Touch> recent = new ConcurrentLinkedDeque<>();

	private final boolean enabled;

	@Autowired
	public ResultCache(CacheProperties properties, MetricQueryExecutor pinot, Clock clock, MeterRegistry meters) {
		this(properties, pinot, clock, meters, Ticker.systemTicker(), ForkJoinPool.commonPool());
	}

	ResultCache(CacheProperties properties, MetricQueryExecutor pinot, Clock clock, MeterRegistry meters, Ticker ticker,
			Executor refreshes) {
		this.enabled = properties.enabled();
		this.ticker = ticker;
		this.pinot = pinot;
		this.clock = clock;
		this.liveTtlNanos = properties.liveTtl().toNanos();
		this.finals = Caffeine.newBuilder()
			.maximumSize(properties.maxFinalBuckets())
			.expireAfterWrite(properties.finalTtl())
			.recordStats()
			.build();
		this.live = Caffeine.newBuilder()
			.maximumSize(properties.maxLiveQueries())
			.refreshAfterWrite(properties.liveTtl())
			.expireAfterWrite(properties.liveMaxStale())
			.ticker(ticker)
			.executor(refreshes)
			.recordStats()
			.buildAsync((sql, executor) -> query(sql));
		CaffeineCacheMetrics.monitor(meters, this.finals, "flare.final");
		CaffeineCacheMetrics.monitor(meters, this.live, "flare.live");
		Gauge.builder("flare.query.cache.hit.ratio", this.finals, (cache) -> cache.stats().hitRate())
			.description("Share of final-bucket lookups answered from the cache")
			.register(meters);
		this.staleAnswers = Counter.builder("flare.query.cache.live.stale")
			.description("Answers given a live result older than the live TTL while a newer one was being queried")
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
	 * The invalidation generation: read it before querying, pass it to {@link #putFinal}
	 * (a {@link Shared} result carries the one read before its query).
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
	 * The result of {@code sql}: for {@link Freshness#CACHED}, a result of an identical
	 * query in flight or at most {@code live-max-stale} old (one older than the live TTL
	 * is refreshed in the background); for {@link Freshness#FRESH}, a query of its own,
	 * whose result the cached callers then share.
	 */
	public Mono<Shared> coalesced(String sql, Freshness freshness) {
		if (!this.enabled || freshness == Freshness.FRESH) {
			return Mono.defer(() -> {
				CompletableFuture<Live> own = query(sql);
				if (this.enabled) {
					// stored once answered: meanwhile cached callers keep the previous
					// result
					own.thenAccept((live) -> this.live.synchronous().put(sql, live));
				}
				return Mono.fromFuture(own, true)
					.map((live) -> new Shared(live.result(), false, live.queriedAt(), live.generation()));
			});
		}
		return Mono.defer(() -> {
			boolean[] ran = { false };
			return Mono.fromFuture(this.live.get(sql, (key, executor) -> {
				ran[0] = true;
				return query(key);
			}), true).map((live) -> {
				if (!ran[0] && this.ticker.read() - live.loadedNanos() > this.liveTtlNanos) {
					this.staleAnswers.increment();
				}
				return new Shared(live.result(), !ran[0], live.queriedAt(), live.generation());
			});
		});
	}

	/**
	 * For a {@link Freshness#CACHED} caller whose exact query is neither held nor in
	 * flight: the result of the first of {@code earlier} held (queries over the same
	 * buckets a moment ago, before the window moved on or its oldest buckets turned
	 * final), answered at once while the exact query starts in the background for the
	 * callers after it. Without it, one caller at every bucket boundary would wait for
	 * Pinot. Empty when the exact query is held or in flight (ask {@link #coalesced}), or
	 * none of {@code earlier} is held; a held result is at most {@code live-max-stale}
	 * old.
	 * @param exact the query the caller needs
	 * @param earlier the queries whose results can stand in for it, best first (asked
	 * only when the exact query is not held)
	 * @return the stand-in, if any
	 */
	public Optional<Held> heldInstead(String exact, Supplier<List<String>> earlier) {
		if (!this.enabled || this.live.asMap().containsKey(exact)) {
			return Optional.empty();
		}
		List<String> candidates = earlier.get();
		for (int i = 0; i < candidates.size(); i++) {
			// quietly: reading a stand-in must not refresh a query no caller needs any
			// more
			Live held = this.live.synchronous().policy().getIfPresentQuietly(candidates.get(i));
			if (held != null) {
				this.live.get(exact);
				this.staleAnswers.increment();
				return Optional.of(new Held(i, new Shared(held.result(), true, held.queriedAt(), held.generation())));
			}
		}
		return Optional.empty();
	}

	private CompletableFuture<Live> query(String sql) {
		// read before the query starts: a shared result can be seconds old when a caller
		// caches buckets from it, and only touches after this generation can be missing
		// from it
		long generation = this.generation.get();
		return this.pinot.execute(sql)
			.map((result) -> new Live(result, this.clock.millis(), this.ticker.read(), generation))
			.toFuture();
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
	 * @param queriedAt when Pinot answered it (epoch ms)
	 * @param generation the invalidation generation when its query started: what
	 * {@link #putFinal} must be given for buckets taken from it
	 */
	public record Shared(QueryResult result, boolean shared, long queriedAt, long generation) {

	}

	/**
	 * A result held for an earlier query, standing in for the one asked.
	 *
	 * @param index which of the earlier queries it answered
	 * @param shared the result
	 */
	public record Held(int index, Shared shared) {

	}

	/**
	 * How recent a live result must be.
	 */
	public enum Freshness {

		/**
		 * A shared result within the live TTL, or a slightly older one while it
		 * refreshes.
		 */
		CACHED,

		/** What Pinot holds now: a query of the caller's own. */
		FRESH

	}

	private record Live(QueryResult result, long queriedAt, long loadedNanos, long generation) {

	}

}
