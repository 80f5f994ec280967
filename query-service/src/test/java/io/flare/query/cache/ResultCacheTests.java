package io.flare.query.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;
import io.flare.query.cache.ResultCache.Freshness;
import io.flare.query.pinot.MetricQueryExecutor;
import io.flare.query.pinot.QueryResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResultCacheTests {

	private static final long MINUTE = 60_000;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final FakeTicker ticker = new FakeTicker();

	private final StandInPinot pinot = new StandInPinot();

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

	private final ResultCache cache = new ResultCache(properties(true), this.pinot, this.clock, this.meters,
			this.ticker, Runnable::run);

	private final BucketKey minute = new BucketKey("shape", Set.of("s1"), 10 * MINUTE, 11 * MINUTE);

	@Test
	void shouldDropAFinalBucketWhenAnEventOfItsSourceLandsInIt() {
		this.cache.putFinal(this.minute, List.of(List.of(5L)), this.cache.generation());
		this.cache.bucketsTouched(Map.of("s2", Set.of(10 * MINUTE + 20_000)));
		assertThat(this.cache.getFinal(this.minute)).as("another source's late event").isPresent();
		this.cache.bucketsTouched(Map.of("s1", Set.of(11 * MINUTE)));
		assertThat(this.cache.getFinal(this.minute)).as("the next bucket").isPresent();
		this.cache.bucketsTouched(Map.of("s1", Set.of(10 * MINUTE + 50_000)));
		assertThat(this.cache.getFinal(this.minute)).isEmpty();
	}

	@Test
	void shouldDropBucketsOfQueriesOverEverySourceForAnySource() {
		BucketKey all = new BucketKey("shape", Set.of(), 10 * MINUTE, 11 * MINUTE);
		this.cache.putFinal(all, List.of(), this.cache.generation());
		this.cache.bucketsTouched(Map.of("anyone", Set.of(10 * MINUTE)));
		assertThat(this.cache.getFinal(all)).isEmpty();
	}

	@Test
	void shouldNotCacheRowsReadBeforeALateEventTouchedTheirBucket() {
		long before = this.cache.generation();
		this.cache.bucketsTouched(Map.of("s1", Set.of(10 * MINUTE)));
		this.cache.putFinal(this.minute, List.of(List.of(5L)), before);
		assertThat(this.cache.getFinal(this.minute)).isEmpty();
	}

	@Test
	void shouldStillCacheWhenOnlyUnrelatedBucketsWereTouchedMeanwhile() {
		long before = this.cache.generation();
		this.cache.bucketsTouched(Map.of("s1", Set.of(50 * MINUTE)));
		this.cache.putFinal(this.minute, List.of(List.of(5L)), before);
		assertThat(this.cache.getFinal(this.minute)).isPresent();
	}

	@Test
	void shouldNotCacheFinalRowsOfASharedResultWhoseQueryPredatesATouch() {
		primed(1);
		// rows land in the bucket after the shared result was queried, before a caller
		// takes the bucket from it as final
		this.cache.bucketsTouched(Map.of("s1", Set.of(10 * MINUTE + 20_000)));
		this.ticker.advance(Duration.ofSeconds(2));
		ResultCache.Shared stale = this.cache.coalesced("SQL", Freshness.CACHED).block(Duration.ofSeconds(1));
		assertThat(stale.shared()).isTrue();
		this.cache.putFinal(this.minute, stale.result().rows(), stale.generation());
		assertThat(this.cache.getFinal(this.minute)).as("the result may miss the rows touched after its query started")
			.isEmpty();
		this.pinot.answer(1, 2);
		ResultCache.Shared refreshed = this.cache.coalesced("SQL", Freshness.CACHED).block(Duration.ofSeconds(1));
		this.cache.putFinal(this.minute, refreshed.result().rows(), refreshed.generation());
		assertThat(this.cache.getFinal(this.minute)).as("the refresh started after the touch").isPresent();
	}

	@Test
	void shouldCoalesceIdenticalConcurrentQueriesIntoOne() {
		var a = this.cache.coalesced("SQL", Freshness.CACHED).toFuture();
		var b = this.cache.coalesced("SQL", Freshness.CACHED).toFuture();
		this.pinot.answer(0, 7);
		assertThat(this.pinot.queries()).hasSize(1);
		assertThat(a.join().shared()).isFalse();
		assertThat(b.join().shared()).isTrue();
		assertThat(b.join().result().rows()).containsExactly(List.of(7L));
	}

	@Test
	void shouldShareAResultWithinTheLiveTtlWithoutAnotherQuery() {
		primed(1);
		this.ticker.advance(Duration.ofMillis(400));
		ResultCache.Shared again = this.cache.coalesced("SQL", Freshness.CACHED).block(Duration.ofSeconds(1));
		assertThat(again.shared()).isTrue();
		assertThat(again.result().rows()).containsExactly(List.of(1L));
		assertThat(this.pinot.queries()).hasSize(1);
	}

	@Test
	void shouldAnswerAStaleResultAtOnceAndRefreshItInTheBackground() {
		ResultCache.Shared first = primed(1);
		this.ticker.advance(Duration.ofSeconds(2));
		ResultCache.Shared stale = this.cache.coalesced("SQL", Freshness.CACHED).block(Duration.ofSeconds(1));
		assertThat(stale.result().rows()).as("answered before the refresh finished").containsExactly(List.of(1L));
		assertThat(stale.queriedAt()).isEqualTo(first.queriedAt());
		assertThat(this.meters.get("flare.query.cache.live.stale").counter().count()).isEqualTo(1);
		assertThat(this.pinot.queries()).as("one refresh").hasSize(2);
		this.cache.coalesced("SQL", Freshness.CACHED).block(Duration.ofSeconds(1));
		assertThat(this.pinot.queries()).as("no second refresh while one is in flight").hasSize(2);
		this.pinot.answer(1, 2);
		ResultCache.Shared refreshed = this.cache.coalesced("SQL", Freshness.CACHED).block(Duration.ofSeconds(1));
		assertThat(refreshed.result().rows()).containsExactly(List.of(2L));
	}

	@Test
	void shouldWaitForANewResultOnceTheOldOneIsPastMaxStale() {
		primed(1);
		this.ticker.advance(Duration.ofSeconds(6));
		var waiting = this.cache.coalesced("SQL", Freshness.CACHED).toFuture();
		assertThat(waiting).isNotDone();
		this.pinot.answer(1, 3);
		assertThat(waiting.join().result().rows()).containsExactly(List.of(3L));
		assertThat(waiting.join().shared()).isFalse();
	}

	@Test
	void shouldRunItsOwnQueryForAFreshCallerAndShareItsResult() {
		primed(1);
		var fresh = this.cache.coalesced("SQL", Freshness.FRESH).toFuture();
		assertThat(fresh).as("not answered from the cached result").isNotDone();
		ResultCache.Shared meanwhile = this.cache.coalesced("SQL", Freshness.CACHED).block(Duration.ofSeconds(1));
		assertThat(meanwhile.result().rows()).as("cached callers do not wait for it").containsExactly(List.of(1L));
		this.pinot.answer(1, 4);
		assertThat(fresh.join().shared()).isFalse();
		assertThat(fresh.join().result().rows()).containsExactly(List.of(4L));
		ResultCache.Shared cached = this.cache.coalesced("SQL", Freshness.CACHED).block(Duration.ofSeconds(1));
		assertThat(cached.result().rows()).containsExactly(List.of(4L));
		assertThat(this.pinot.queries()).hasSize(2);
	}

	@Test
	void shouldNotKeepAFailedQuery() {
		var failed = this.cache.coalesced("SQL", Freshness.CACHED).toFuture();
		this.pinot.fail(0, new IllegalStateException("broker down"));
		assertThat(failed).isCompletedExceptionally();
		var retried = this.cache.coalesced("SQL", Freshness.CACHED).toFuture();
		this.pinot.answer(1, 5);
		assertThat(retried.join().result().rows()).containsExactly(List.of(5L));
	}

	@Test
	void shouldStandInWithAnEarlierQuerysResultAndStartTheExactOne() {
		primed("EARLIER", 1);
		ResultCache.Held held = this.cache.heldInstead("EXACT", () -> List.of("UNKNOWN", "EARLIER")).orElseThrow();
		assertThat(held.index()).isEqualTo(1);
		assertThat(held.shared().result().rows()).containsExactly(List.of(1L));
		assertThat(held.shared().shared()).isTrue();
		assertThat(this.pinot.queries()).as("the exact query started in the background").hasSize(2);
		assertThat(this.cache.heldInstead("EXACT", () -> List.of("EARLIER")))
			.as("in flight: callers wait for it with coalesced, as usual")
			.isEmpty();
		assertThat(this.meters.get("flare.query.cache.live.stale").counter().count()).isEqualTo(1);
		this.pinot.answer(1, 2);
		ResultCache.Shared exact = this.cache.coalesced("EXACT", Freshness.CACHED).block(Duration.ofSeconds(1));
		assertThat(exact.result().rows()).containsExactly(List.of(2L));
		assertThat(this.pinot.queries()).hasSize(2);
	}

	@Test
	void shouldNotLookForStandInsWhenTheExactQueryIsHeld() {
		primed("EXACT", 1);
		assertThat(this.cache.heldInstead("EXACT", () -> {
			throw new AssertionError("not asked");
		})).isEmpty();
	}

	@Test
	void shouldNotRefreshAStandInNoCallerAsksForAnyMore() {
		primed("EARLIER", 1);
		this.ticker.advance(Duration.ofSeconds(2));
		assertThat(this.cache.heldInstead("EXACT", () -> List.of("EARLIER"))).isPresent();
		assertThat(this.pinot.queries()).as("the exact query only").hasSize(2);
	}

	@Test
	void shouldNotStandInWithAResultPastMaxStaleOrWithNothing() {
		primed("EARLIER", 1);
		this.ticker.advance(Duration.ofSeconds(6));
		assertThat(this.cache.heldInstead("EXACT", () -> List.of("EARLIER"))).isEmpty();
		assertThat(this.cache.heldInstead("EXACT", List::of)).isEmpty();
		assertThat(this.pinot.queries()).as("the caller queries with coalesced").hasSize(1);
	}

	@Test
	void shouldRefuseAMaxStaleNotLongerThanTheLiveTtl() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CacheProperties(1, Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
					1, true))
			.withMessageContaining("flare.cache.live-max-stale (PT1S) must be longer than flare.cache.live-ttl");
	}

	private ResultCache.Shared primed(long value) {
		return primed("SQL", value);
	}

	private ResultCache.Shared primed(String sql, long value) {
		var first = this.cache.coalesced(sql, Freshness.CACHED).toFuture();
		this.pinot.answer(this.pinot.queries().size() - 1, value);
		return first.join();
	}

	@Test
	void shouldReportTheHitRatio() {
		this.cache.putFinal(this.minute, List.of(), this.cache.generation());
		this.cache.getFinal(this.minute);
		this.cache.getFinal(new BucketKey("other", Set.of(), 0, 1));
		assertThat(this.meters.get("flare.query.cache.hit.ratio").gauge().value()).isEqualTo(0.5);
	}

	@Test
	void shouldRunEveryQueryAndKeepNothingWhenTurnedOff() {
		ResultCache off = new ResultCache(properties(false), this.pinot, this.clock, new SimpleMeterRegistry(),
				this.ticker, Runnable::run);
		off.putFinal(this.minute, List.of(List.of(5L)), off.generation());
		assertThat(off.getFinal(this.minute)).isEmpty();
		var a = off.coalesced("SQL", Freshness.CACHED).toFuture();
		var b = off.coalesced("SQL", Freshness.CACHED).toFuture();
		this.pinot.answer(0, 1);
		this.pinot.answer(1, 1);
		assertThat(this.pinot.queries()).as("identical concurrent queries each run").hasSize(2);
		assertThat(a.join().shared()).isFalse();
		assertThat(b.join().shared()).isFalse();
		var c = off.coalesced("SQL", Freshness.CACHED).toFuture();
		this.pinot.answer(2, 1);
		assertThat(c.join().shared()).as("a repeat within the live TTL").isFalse();
		assertThat(this.pinot.queries()).hasSize(3);
		assertThat(off.heldInstead("OTHER", () -> List.of("SQL"))).isEmpty();
	}

	private static CacheProperties properties(boolean enabled) {
		return new CacheProperties(1000, Duration.ofHours(1), Duration.ofMillis(500), Duration.ofSeconds(5), 100,
				enabled);
	}

	/** A clock for the caches that moves only when told. */
	private static final class FakeTicker implements Ticker {

		private final AtomicLong nanos = new AtomicLong();

		void advance(Duration duration) {
			this.nanos.addAndGet(duration.toNanos());
		}

		@Override
		public long read() {
			return this.nanos.get();
		}

	}

	/** Pinot's stand-in: each query waits until the test answers it. */
	private static final class StandInPinot implements MetricQueryExecutor {

		private final List<Sinks.One<QueryResult>> pending = new CopyOnWriteArrayList<>();

		List<Sinks.One<QueryResult>> queries() {
			return this.pending;
		}

		void answer(int query, long value) {
			this.pending.get(query)
				.tryEmitValue(new QueryResult(List.of("v"), List.of("LONG"), List.of(List.of(value)),
						QueryResult.QueryStats.NONE));
		}

		void fail(int query, Exception error) {
			this.pending.get(query).tryEmitError(error);
		}

		@Override
		public Mono<QueryResult> execute(String sql) {
			Sinks.One<QueryResult> sink = Sinks.one();
			this.pending.add(sink);
			return sink.asMono();
		}

		@Override
		public Mono<QueryResult> execute(String sql, Duration timeout) {
			return execute(sql);
		}

	}

}
