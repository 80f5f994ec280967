package io.flare.query.pinot;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.flare.query.pinot.QueryExecutionException.Kind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hedged Pinot queries, on virtual time: a scripted Pinot answers each call after the
 * latency its script says.
 */
class HedgingQueryExecutorTests {

	private static final String SQL = "SELECT bucket10s, COUNT(*) FROM events WHERE bucket10s >= 1795986480000 "
			+ "AND bucket10s < 1795987080000 GROUP BY bucket10s LIMIT 100000";

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ScriptedPinot pinot = new ScriptedPinot();

	private final HedgingQueryExecutor executor = executor(
			new HedgeProperties(true, 0.95, Duration.ofMillis(10), Duration.ofMillis(250), 0.1));

	@Test
	void shouldNotHedgeAShapeWithoutEnoughHistory() {
		answer(ShapeLatencies.MIN_SAMPLES - 1, 12);
		this.pinot.next(400, "first");
		AtomicReference<Object> outcome = subscribe(SQL);
		this.time.advanceTimeBy(Duration.ofMillis(399));
		assertThat(outcome).hasValue(null);
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(label(outcome)).isEqualTo("first");
		assertThat(this.pinot.calls).hasSize(ShapeLatencies.MIN_SAMPLES);
		assertThat(hedges("sent")).isZero();
	}

	@Test
	void shouldSendACopyOnceTheQueryIsSlowerThanItsShapesQuantileAndAnswerWithTheFirstToArrive() {
		answer(40, 12);
		this.pinot.next(350, "stalled");
		this.pinot.next(12, "copy");
		AtomicReference<Object> outcome = subscribe(SQL.replace("1795986480000", "1795986490000"));
		this.time.advanceTimeBy(Duration.ofMillis(11));
		assertThat(this.pinot.calls).hasSize(41);
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(this.pinot.calls).as("the copy goes out at the shape's p95, 12 ms").hasSize(42);
		assertThat(this.pinot.timeouts.get(41)).isEqualTo(TIMEOUT.minusMillis(12));
		this.time.advanceTimeBy(Duration.ofMillis(11));
		assertThat(outcome).hasValue(null);
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(label(outcome)).isEqualTo("copy");
		assertThat(this.pinot.cancelled).containsExactly("stalled");
		assertThat(hedges("sent")).isEqualTo(1);
		assertThat(hedges("won")).isEqualTo(1);
	}

	@Test
	void shouldKeepTheFirstAnswerWhenItArrivesBeforeTheCopy() {
		answer(40, 12);
		this.pinot.next(20, "first");
		this.pinot.next(30, "copy");
		AtomicReference<Object> outcome = subscribe(SQL);
		this.time.advanceTimeBy(Duration.ofMillis(20));
		assertThat(label(outcome)).isEqualTo("first");
		assertThat(this.pinot.cancelled).containsExactly("copy");
		assertThat(hedges("sent")).isEqualTo(1);
		assertThat(hedges("won")).isZero();
	}

	@Test
	void shouldHedgeNoMoreThanTheBudgetAllows() {
		answer(30, 12);
		for (int i = 0; i < 3; i++) {
			this.pinot.next(300, "stalled");
			this.pinot.next(1, "copy");
		}
		this.pinot.next(300, "stalled, no copy");
		this.pinot.next(300, "stalled, no copy");
		List<AtomicReference<Object>> outcomes = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			outcomes.add(subscribe(SQL));
			this.time.advanceTimeBy(Duration.ofMillis(300));
		}
		assertThat(outcomes).extracting(HedgingQueryExecutorTests::label)
			.containsExactly("copy", "copy", "copy", "stalled, no copy", "stalled, no copy");
		assertThat(hedges("sent")).as("30 + 3 queries at 0.1 earn 3 copies").isEqualTo(3);
		assertThat(hedges("skipped")).isEqualTo(2);
	}

	@Test
	void shouldNeverHedgeWithNoBudget() {
		thirtyFastThenTenSlow(
				executor(new HedgeProperties(true, 0.95, Duration.ofMillis(10), Duration.ofMillis(250), 0)));
		assertThat(this.pinot.calls).hasSize(40);
	}

	@Test
	void shouldFailAtOnceWhenTheFirstQueryFails() {
		answer(40, 12);
		this.pinot.fail(3, new QueryExecutionException(Kind.REJECTED, "Pinot rejected the query: unknown column"));
		AtomicReference<Object> outcome = subscribe(SQL);
		this.time.advanceTimeBy(Duration.ofMillis(3));
		assertThat(outcome.get()).isInstanceOf(QueryExecutionException.class);
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(this.pinot.calls).as("no copy after the failure").hasSize(41);
	}

	@Test
	void shouldLeaveTheAnswerToTheFirstQueryWhenTheCopyFails() {
		answer(40, 12);
		this.pinot.next(90, "first");
		this.pinot.fail(1, new QueryExecutionException(Kind.UNAVAILABLE, "Pinot is unreachable"));
		AtomicReference<Object> outcome = subscribe(SQL);
		this.time.advanceTimeBy(Duration.ofMillis(89));
		assertThat(outcome).hasValue(null);
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(label(outcome)).isEqualTo("first");
	}

	@Test
	void shouldNotHedgeAShapeWhoseQuantileIsPastTheMaximumDelay() {
		answer(40, 260);
		this.pinot.next(2_000, "heavy");
		AtomicReference<Object> outcome = subscribe(SQL);
		this.time.advanceTimeBy(Duration.ofMillis(2_000));
		assertThat(label(outcome)).isEqualTo("heavy");
		assertThat(this.pinot.calls).hasSize(41);
	}

	@Test
	void shouldWaitAtLeastTheMinimumDelay() {
		answer(40, 2);
		this.pinot.next(100, "first");
		this.pinot.next(5, "copy");
		subscribe(SQL);
		this.time.advanceTimeBy(Duration.ofMillis(9));
		assertThat(this.pinot.calls).hasSize(41);
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(this.pinot.calls).hasSize(42);
	}

	@Test
	void shouldPassQueriesStraightThroughWhenDisabled() {
		thirtyFastThenTenSlow(
				executor(new HedgeProperties(false, 0.95, Duration.ofMillis(10), Duration.ofMillis(250), 0.1)));
		assertThat(this.pinot.calls).hasSize(40);
		assertThat(this.pinot.timeouts).containsOnly(TIMEOUT);
	}

	private HedgingQueryExecutor executor(HedgeProperties properties) {
		return new HedgingQueryExecutor(this.pinot, TIMEOUT, properties, this.meters, this.time,
				() -> this.time.now(TimeUnit.NANOSECONDS));
	}

	/** Thirty queries answered in 12 ms, then ten in 300 ms, one after the other. */
	private void thirtyFastThenTenSlow(HedgingQueryExecutor executor) {
		for (int i = 0; i < 40; i++) {
			this.pinot.next((i < 30) ? 12 : 300, "answer");
			executor.execute(SQL).subscribe();
			this.time.advanceTimeBy(Duration.ofMillis(300));
		}
	}

	/** Answers {@code count} queries of the shape, each after {@code millis}. */
	private void answer(int count, long millis) {
		for (int i = 0; i < count; i++) {
			this.pinot.next(millis, "history");
			AtomicReference<Object> outcome = subscribe(SQL);
			this.time.advanceTimeBy(Duration.ofMillis(millis));
			assertThat(label(outcome)).isEqualTo("history");
		}
	}

	private AtomicReference<Object> subscribe(String sql) {
		AtomicReference<Object> outcome = new AtomicReference<>();
		this.executor.execute(sql).subscribe(outcome::set, outcome::set);
		return outcome;
	}

	private static String label(AtomicReference<Object> outcome) {
		assertThat(outcome.get()).isInstanceOf(QueryResult.class);
		return ((QueryResult) outcome.get()).columns().get(0);
	}

	private double hedges(String outcome) {
		return this.meters.get("flare.query.pinot.hedges").tag("outcome", outcome).counter().count();
	}

	/**
	 * Answers each call as scripted: a result labelled by its only column, or an error.
	 */
	private final class ScriptedPinot implements MetricQueryExecutor {

		private final Deque<Mono<QueryResult>> script = new ArrayDeque<>();

		private final List<String> calls = new ArrayList<>();

		private final List<Duration> timeouts = new ArrayList<>();

		private final List<String> cancelled = new ArrayList<>();

		void next(long millis, String label) {
			QueryResult result = new QueryResult(List.of(label), List.of("STRING"), List.of(),
					QueryResult.QueryStats.NONE);
			this.script.add(Mono.delay(Duration.ofMillis(millis), HedgingQueryExecutorTests.this.time)
				.thenReturn(result)
				.doOnCancel(() -> this.cancelled.add(label)));
		}

		void fail(long millis, QueryExecutionException failure) {
			this.script.add(Mono.delay(Duration.ofMillis(millis), HedgingQueryExecutorTests.this.time)
				.then(Mono.error(failure)));
		}

		@Override
		public Mono<QueryResult> execute(String sql) {
			return execute(sql, TIMEOUT);
		}

		@Override
		public Mono<QueryResult> execute(String sql, Duration timeout) {
			Mono<QueryResult> answer = this.script.poll();
			assertThat(answer).as("a scripted answer for call " + (this.calls.size() + 1)).isNotNull();
			this.calls.add(sql);
			this.timeouts.add(timeout);
			return answer;
		}

	}

}
