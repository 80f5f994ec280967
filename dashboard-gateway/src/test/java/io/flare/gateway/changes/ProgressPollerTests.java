package io.flare.gateway.changes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressPollerTests {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final AtomicInteger reads = new AtomicInteger();

	private final AtomicReference<Mono<Map<Integer, Long>>> offsets = new AtomicReference<>(Mono.just(Map.of(0, 1L)));

	private final RecordingListener listener = new RecordingListener();

	private final ChangesProperties properties = new ChangesProperties(true, "unused:9092", "events", "group",
			Duration.ofMillis(200), Duration.ofMillis(250), Duration.ofSeconds(3), Duration.ofSeconds(30),
			new ChangesProperties.Pinot("", "events", Duration.ofSeconds(1)));

	private final Disposable polling = new ProgressPoller(() -> {
		this.reads.incrementAndGet();
		return this.offsets.get();
	}, this.listener, this.properties, this.time).start();

	@AfterEach
	void stop() {
		this.polling.dispose();
	}

	@Test
	void shouldNotReadTheControllerWhileNothingIsPending() {
		this.time.advanceTimeBy(Duration.ofSeconds(5));

		assertThat(this.reads).hasValue(0);
		assertThat(this.listener.received).isEmpty();
	}

	@Test
	void shouldReadTheControllerAtTheIntervalWhileEventsArePending() {
		this.listener.pending.set(true);
		this.time.advanceTimeBy(Duration.ofSeconds(1));

		assertThat(this.reads).hasValue(4);
		assertThat(this.listener.received).hasSize(4)
			.allSatisfy((state) -> assertThat(state.consumed()).containsEntry(0, 1L));

		this.listener.pending.set(false);
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(this.reads).hasValue(4);
	}

	@Test
	void shouldHandOverAnUnknownProgressWhenTheControllerFailsOrHangs() {
		this.listener.pending.set(true);
		this.offsets.set(Mono.error(new IllegalStateException("controller down")));
		this.time.advanceTimeBy(Duration.ofMillis(250));

		assertThat(this.listener.received).singleElement().satisfies((state) -> {
			assertThat(state.consumed()).isNull();
			assertThat(state.fallback()).isEqualTo(Duration.ofSeconds(3));
		});

		this.offsets.set(Mono.never());
		this.time.advanceTimeBy(Duration.ofMillis(250 + 1000));
		assertThat(this.listener.received).hasSize(2)
			.last()
			.satisfies((state) -> assertThat(state.consumed()).isNull());
	}

	@Test
	void shouldReleaseAQueryOfSharedEvaluationsOnceItsEventIsIngested() {
		PendingOffsets pending = new PendingOffsets();
		pending.add(2, 41, this.time.now(TimeUnit.MILLISECONDS));
		this.listener.pending.set(true);
		this.offsets.set(Mono.just(Map.of(2, 41L)));
		this.time.advanceTimeBy(Duration.ofMillis(250));
		long now = this.time.now(TimeUnit.MILLISECONDS);
		assertThat(this.listener.received.get(0).release(pending, now)).isFalse();

		this.offsets.set(Mono.just(Map.of(2, 42L)));
		this.time.advanceTimeBy(Duration.ofMillis(250));
		assertThat(this.listener.received.get(1).release(pending, now + 250)).isTrue();
	}

	static final class RecordingListener implements EventListener {

		final AtomicBoolean pending = new AtomicBoolean();

		final List<IngestionState> received = new ArrayList<>();

		@Override
		public void onEvents(List<ObservedEvent> events) {
		}

		@Override
		public boolean hasPending() {
			return this.pending.get();
		}

		@Override
		public void onProgress(IngestionState progress) {
			this.received.add(progress);
		}

	}

}
