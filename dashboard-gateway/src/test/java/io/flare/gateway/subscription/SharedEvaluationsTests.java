package io.flare.gateway.subscription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import io.flare.gateway.changes.IngestionState;
import io.flare.gateway.changes.ObservedEvent;
import io.flare.gateway.query.QueryServiceException;

import static org.assertj.core.api.Assertions.assertThat;

class SharedEvaluationsTests {

	private static final SubscriptionKey NEWS = new SubscriptionKey("news-count", Map.of("category", "news"));

	/**
	 * Inside the first second of a minute bucket, so a few ticks never slide the window.
	 */
	private static final long START = 1_700_000_040_000L;

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final FakeMetricResultSource source = new FakeMetricResultSource();

	private final SharedEvaluations evaluations = new SharedEvaluations(this.source,
			new EvaluationProperties(Duration.ofMillis(500), Duration.ofSeconds(3), 4), this.time);

	private final List<Disposable> subscriptions = new ArrayList<>();

	private Disposable ticks = () -> {
	};

	@BeforeEach
	void startTicking() {
		this.time.advanceTimeTo(java.time.Instant.ofEpochMilli(START));
		this.ticks = this.evaluations.start();
	}

	@AfterEach
	void stop() {
		this.subscriptions.forEach(Disposable::dispose);
		this.ticks.dispose();
	}

	@Test
	void shouldEvaluateOnceForManySubscribersOfTheSameQuery() {
		List<List<ResultState>> received = subscribe(NEWS, 50);

		assertThat(this.source.results).hasValue(1);
		assertThat(this.evaluations.size()).isOne();
		assertThat(received)
			.allSatisfy((states) -> assertThat(states).extracting(ResultState::seq).containsExactly(1L));
	}

	@Test
	void shouldEvaluateADistinctQueryOncePerTickHoweverManyEventsTouchIt() {
		subscribe(NEWS, 20);
		subscribe(new SubscriptionKey("news-count", Map.of("category", "sports")), 20);

		for (int i = 0; i < 100; i++) {
			this.evaluations.onEvents(List.of(event("news", START), event("sports", START)));
		}
		this.time.advanceTimeBy(Duration.ofMillis(500));

		assertThat(this.source.results).hasValue(2 + 2);
	}

	@Test
	void shouldLeaveQueriesCleanWhenEventsCannotAffectThem() {
		subscribe(NEWS, 3);

		this.evaluations
			.onEvents(List.of(event("sports", START), event("news", START - Duration.ofMinutes(6).toMillis())));
		this.time.advanceTimeBy(Duration.ofSeconds(5));

		assertThat(this.source.results).hasValue(1);
	}

	@Test
	void shouldKeepReevaluatingATouchedQueryForTheSettlingPeriodOnly() {
		subscribe(NEWS, 1);

		this.evaluations.onEvents(List.of(event("news", START)));
		this.time.advanceTimeBy(Duration.ofSeconds(10));

		// the settling period (3 s) at one evaluation per tick (500 ms)
		assertThat(this.source.results.get() - 1).isBetween(6, 7);
	}

	@Test
	void shouldWaitUntilPinotConsumedPastAnEventBeforeReevaluating() {
		subscribe(NEWS, 1);

		this.evaluations.onEvents(List.of(event("news", START).at(3, 41)));
		assertThat(this.evaluations.hasPending()).isTrue();
		this.evaluations.onProgress(progress(Map.of(3, 41L)));
		this.time.advanceTimeBy(Duration.ofSeconds(2));
		assertThat(this.source.results).as("not queryable yet").hasValue(1);

		this.time.advanceTimeBy(Duration.ofMillis(100));
		this.evaluations.onProgress(progress(Map.of(3, 42L)));
		assertThat(this.evaluations.hasPending()).isFalse();
		assertThat(this.source.results).as("evaluated at once, not at the next tick").hasValue(2);
		this.time.advanceTimeBy(Duration.ofSeconds(5));
		int settled = this.source.results.get();
		// settling (3 s here) at one evaluation per tick, then it stops
		assertThat(settled).isBetween(7, 8);
		this.time.advanceTimeBy(Duration.ofSeconds(5));
		assertThat(this.source.results).hasValue(settled);
	}

	@Test
	void shouldNotWaitForEventsTheQueryCannotSee() {
		subscribe(NEWS, 1);

		this.evaluations.onEvents(List.of(event("sports", START).at(0, 7)));

		assertThat(this.evaluations.hasPending()).isFalse();
	}

	@Test
	void shouldFallBackToADelayWhenPinotsProgressIsUnknown() {
		subscribe(NEWS, 1);

		this.evaluations.onEvents(List.of(event("news", START).at(0, 7)));
		this.evaluations.onProgress(progress(null));
		this.time.advanceTimeBy(Duration.ofMillis(2500));
		this.evaluations.onProgress(progress(null));
		assertThat(this.source.results).hasValue(1);

		this.time.advanceTimeBy(Duration.ofMillis(500));
		this.evaluations.onProgress(progress(null));
		assertThat(this.source.results).as("released after the fallback delay, evaluated at once").hasValue(2);
	}

	@Test
	void shouldPublishOnlyWhenTheResultChanged() {
		List<List<ResultState>> received = subscribe(NEWS, 2);

		this.evaluations.onEvents(List.of(event("news", START)));
		this.time.advanceTimeBy(Duration.ofMillis(500));
		this.source.value.set(2.0);
		this.time.advanceTimeBy(Duration.ofMillis(500));

		assertThat(this.source.results).hasValue(3);
		assertThat(this.evaluations.evaluated()).isEqualTo(3);
		assertThat(this.evaluations.published()).isEqualTo(2);
		assertThat(received)
			.allSatisfy((states) -> assertThat(states).extracting(ResultState::seq).containsExactly(1L, 2L));
		assertThat(received.get(0).get(1).result().path("values").get(0).path("value").asDouble()).isEqualTo(2.0);
	}

	@Test
	void shouldReevaluateWhenTheWindowSlidesPastABucketBoundary() {
		subscribe(NEWS, 1);

		this.time.advanceTimeBy(Duration.ofSeconds(59));
		assertThat(this.source.results).hasValue(1);
		this.time.advanceTimeBy(Duration.ofSeconds(1));

		assertThat(this.source.results).hasValue(2);
	}

	@Test
	void shouldStopEvaluatingWhenTheLastSubscriberLeaves() {
		subscribe(NEWS, 2);
		this.subscriptions.forEach(Disposable::dispose);

		this.evaluations.onEvents(List.of(event("news", START)));
		this.time.advanceTimeBy(Duration.ofSeconds(2));

		assertThat(this.evaluations.size()).isZero();
		assertThat(this.source.results).hasValue(1);
	}

	@Test
	void shouldReplayTheLatestStateToALateSubscriberWithoutEvaluatingAgain() {
		subscribe(NEWS, 1);

		StepVerifier.create(this.evaluations.states(NEWS).take(1))
			.assertNext((state) -> assertThat(state.seq()).isOne())
			.verifyComplete();
		assertThat(this.source.results).hasValue(1);
	}

	@Test
	void shouldFailSubscribersOfAnUnknownMetric() {
		StepVerifier.create(this.evaluations.states(new SubscriptionKey("no-such-metric", Map.of())))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(QueryServiceException.class)
				.hasMessageContaining("no metric no-such-metric"))
			.verify(Duration.ofSeconds(1));
		assertThat(this.evaluations.size()).isZero();
	}

	private List<List<ResultState>> subscribe(SubscriptionKey key, int count) {
		List<List<ResultState>> received = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			List<ResultState> states = new ArrayList<>();
			received.add(states);
			this.subscriptions.add(this.evaluations.states(key).subscribe(states::add));
		}
		return received;
	}

	private static ObservedEvent event(String category, long eventTime) {
		return new ObservedEvent(eventTime, Map.of("category", category, "source", "test"));
	}

	private static IngestionState progress(Map<Integer, Long> consumed) {
		return new IngestionState(consumed, Duration.ofSeconds(3), Duration.ofSeconds(30));
	}

}
