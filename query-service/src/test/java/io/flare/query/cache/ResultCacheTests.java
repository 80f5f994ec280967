package io.flare.query.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.flare.query.pinot.QueryResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

class ResultCacheTests {

	private static final long MINUTE = 60_000;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ResultCache cache = new ResultCache(
			new CacheProperties(1000, Duration.ofHours(1), Duration.ofMillis(500), 100, true), this.meters);

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
	void shouldCoalesceIdenticalConcurrentQueriesIntoOne() {
		AtomicInteger queries = new AtomicInteger();
		Sinks.One<QueryResult> pinot = Sinks.one();
		Mono<ResultCache.Shared> first = this.cache.coalesced("SQL", () -> {
			queries.incrementAndGet();
			return pinot.asMono();
		});
		Mono<ResultCache.Shared> second = this.cache.coalesced("SQL", () -> {
			queries.incrementAndGet();
			return pinot.asMono();
		});
		var a = first.toFuture();
		var b = second.toFuture();
		pinot.tryEmitValue(new QueryResult(List.of(), List.of(), List.of(), QueryResult.QueryStats.NONE));
		assertThat(queries).hasValue(1);
		assertThat(a.join().shared()).isFalse();
		assertThat(b.join().shared()).isTrue();
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
		ResultCache off = new ResultCache(
				new CacheProperties(1000, Duration.ofHours(1), Duration.ofMillis(500), 100, false),
				new SimpleMeterRegistry());
		off.putFinal(this.minute, List.of(List.of(5L)), off.generation());
		assertThat(off.getFinal(this.minute)).isEmpty();
		AtomicInteger queries = new AtomicInteger();
		Sinks.One<QueryResult> pinot = Sinks.one();
		var a = off.coalesced("SQL", () -> {
			queries.incrementAndGet();
			return pinot.asMono();
		}).toFuture();
		var b = off.coalesced("SQL", () -> {
			queries.incrementAndGet();
			return pinot.asMono();
		}).toFuture();
		pinot.tryEmitValue(new QueryResult(List.of(), List.of(), List.of(), QueryResult.QueryStats.NONE));
		assertThat(queries).as("identical concurrent queries each run").hasValue(2);
		assertThat(a.join().shared()).isFalse();
		assertThat(b.join().shared()).isFalse();
		var c = off.coalesced("SQL", () -> {
			queries.incrementAndGet();
			return pinot.asMono();
		}).toFuture();
		assertThat(c.join().shared()).as("a repeat within the live TTL").isFalse();
		assertThat(queries).hasValue(3);
	}

}
