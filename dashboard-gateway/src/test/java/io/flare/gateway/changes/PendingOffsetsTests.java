package io.flare.gateway.changes;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PendingOffsetsTests {

	private static final long FALLBACK = 3_000;

	private static final long MAX_WAIT = 30_000;

	private final PendingOffsets pending = new PendingOffsets();

	@Test
	void shouldReleaseAnEventOnlyOncePinotConsumedPastIt() {
		this.pending.add(0, 100, 0);

		assertThat(this.pending.release(Map.of(0, 100L), 10, FALLBACK, MAX_WAIT)).isFalse();
		assertThat(this.pending.isEmpty()).isFalse();
		assertThat(this.pending.release(Map.of(0, 101L), 20, FALLBACK, MAX_WAIT)).isTrue();
		assertThat(this.pending.isEmpty()).isTrue();
	}

	@Test
	void shouldFollowEachPartitionOnItsOwn() {
		this.pending.add(0, 100, 0);
		this.pending.add(1, 7, 0);

		assertThat(this.pending.release(Map.of(0, 500L, 1, 7L), 10, FALLBACK, MAX_WAIT)).isTrue();
		assertThat(this.pending.isEmpty()).isFalse();
		assertThat(this.pending.release(Map.of(0, 500L, 1, 7L), 20, FALLBACK, MAX_WAIT)).isFalse();
		assertThat(this.pending.release(Map.of(0, 500L, 1, 8L), 30, FALLBACK, MAX_WAIT)).isTrue();
		assertThat(this.pending.isEmpty()).isTrue();
	}

	@Test
	void shouldReleaseAsSoonAsTheOldestEventIsQueryableAndKeepWaitingForTheNewer() {
		this.pending.add(0, 100, 0);
		this.pending.add(0, 200, 5);

		assertThat(this.pending.release(Map.of(0, 150L), 10, FALLBACK, MAX_WAIT)).as("100 is queryable").isTrue();
		assertThat(this.pending.release(Map.of(0, 150L), 20, FALLBACK, MAX_WAIT)).as("nothing new").isFalse();
		assertThat(this.pending.release(Map.of(0, 200L), 30, FALLBACK, MAX_WAIT)).as("maybe one in 150..199").isTrue();
		assertThat(this.pending.isEmpty()).isFalse();
		assertThat(this.pending.release(Map.of(0, 201L), 40, FALLBACK, MAX_WAIT)).as("200 is queryable").isTrue();
		assertThat(this.pending.isEmpty()).isTrue();
	}

	@Test
	void shouldWaitTheFallbackDelayWhenProgressIsUnknown() {
		this.pending.add(0, 100, 0);

		assertThat(this.pending.release(null, FALLBACK - 1, FALLBACK, MAX_WAIT)).isFalse();
		assertThat(this.pending.release(null, FALLBACK, FALLBACK, MAX_WAIT)).isTrue();
		assertThat(this.pending.isEmpty()).isTrue();
	}

	@Test
	void shouldWaitForAPartitionPinotDoesNotListUntilItsNextSegmentConsumedPastTheEvent() {
		this.pending.add(3, 100, 0);

		assertThat(this.pending.release(Map.of(0, 1000L), FALLBACK * 2, FALLBACK, MAX_WAIT)).as("committing").isFalse();
		assertThat(this.pending.release(Map.of(0, 1000L, 3, 90L), FALLBACK * 3, FALLBACK, MAX_WAIT))
			.as("the next segment starts before the event")
			.isFalse();
		assertThat(this.pending.release(Map.of(0, 1000L, 3, 101L), FALLBACK * 4, FALLBACK, MAX_WAIT)).isTrue();
	}

	@Test
	void shouldWaitForAPartitionPinotDoesNotListUpToTheMaximumOnly() {
		this.pending.add(3, 100, 0);

		assertThat(this.pending.release(Map.of(0, 1000L), MAX_WAIT - 1, FALLBACK, MAX_WAIT)).isFalse();
		assertThat(this.pending.release(Map.of(0, 1000L), MAX_WAIT, FALLBACK, MAX_WAIT)).isTrue();
	}

	@Test
	void shouldWaitForAKnownButLaggingPartitionUpToTheMaximumOnly() {
		this.pending.add(0, 100, 0);

		assertThat(this.pending.release(Map.of(0, 50L), FALLBACK * 2, FALLBACK, MAX_WAIT)).isFalse();
		assertThat(this.pending.release(Map.of(0, 50L), MAX_WAIT, FALLBACK, MAX_WAIT)).isTrue();
		assertThat(this.pending.isEmpty()).isTrue();
	}

	@Test
	void shouldNotBeAffectedByEventsNotedOutOfOrder() {
		this.pending.add(0, 200, 0);
		this.pending.add(0, 100, 0);

		assertThat(this.pending.release(Map.of(0, 101L), 10, FALLBACK, MAX_WAIT)).isTrue();
		assertThat(this.pending.release(Map.of(0, 201L), 20, FALLBACK, MAX_WAIT)).isTrue();
		assertThat(this.pending.isEmpty()).isTrue();
	}

}
