package io.flare.benchmarks.query;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Telling requests sent during segment seals from the others. */
class SealWatchTests {

	@Test
	void shouldNoteWhenTheSegmentCountChangesAndCountTheNewSegments() {
		Deque<Integer> counts = new ArrayDeque<>(List.of(10, 10, 12, 13, 13, 13));
		AtomicLong now = new AtomicLong(1_000);
		SealWatch watch = new SealWatch(counts::pop, now::get);
		for (int i = 0; i < 6; i++) {
			watch.sample();
			now.addAndGet(1_000);
		}
		assertThat(watch.changes()).containsExactly(3_000L, 4_000L);
		assertThat(watch.sealed()).isEqualTo(3);
	}

	@Test
	void shouldSkipAReadingThatFailed() {
		Deque<Integer> counts = new ArrayDeque<>(List.of(10, -1, 10));
		SealWatch watch = new SealWatch(() -> {
			int count = counts.pop();
			if (count < 0) {
				throw new IllegalStateException("controller unreachable");
			}
			return count;
		}, () -> 0);
		watch.sample();
		watch.sample();
		watch.sample();
		assertThat(watch.changes()).isEmpty();
	}

	@Test
	void shouldCountARequestWithinFiveSecondsOfAChangeAsDuringASeal() {
		List<Long> changes = List.of(100_000L, 130_000L);
		assertThat(SealWatch.near(95_000, changes)).isTrue();
		assertThat(SealWatch.near(105_000, changes)).isTrue();
		assertThat(SealWatch.near(105_001, changes)).isFalse();
		assertThat(SealWatch.near(126_000, changes)).isTrue();
		assertThat(SealWatch.near(200_000, List.of())).isFalse();
	}

}
