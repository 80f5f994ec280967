package io.flare.gateway.push;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import io.flare.gateway.subscription.ResultState;

import static org.assertj.core.api.Assertions.assertThat;

class UpdateStreamTests {

	private static final ResultState FIRST = new ResultState(1,
			ResultDifferTests.series("[[0, true], [10000, false]]", "[[0, 5], [10000, 2]]"));

	@Test
	void shouldSendASnapshotFirstThenDiffsAgainstThePreviousMessage() {
		ResultState second = new ResultState(2,
				ResultDifferTests.series("[[0, true], [10000, false]]", "[[0, 5], [10000, 3]]"));

		StepVerifier.create(UpdateStream.of(Flux.just(FIRST, second))).assertNext((update) -> {
			assertThat(update.type()).isEqualTo(Update.SNAPSHOT);
			assertThat(update.seq()).isOne();
			assertThat(update.result().path("values")).hasSize(2);
		}).assertNext((update) -> {
			assertThat(update.type()).isEqualTo(Update.DIFF);
			assertThat(update.seq()).isEqualTo(2);
			assertThat(update.baseSeq()).isOne();
			assertThat(update.result().has("values")).isFalse();
			assertThat(update.result().path("asOf").asLong()).isOne();
			assertThat(update.changes().values()).singleElement()
				.satisfies((entry) -> assertThat(entry.path("value").asInt()).isEqualTo(3));
		}).verifyComplete();
	}

	@Test
	void shouldConflateASlowSubscriberToTheLatestStateAndDiffAgainstWhatItHad() {
		Sinks.Many<ResultState> states = Sinks.many().multicast().directBestEffort();

		StepVerifier.create(UpdateStream.of(states.asFlux()), 1)
			.then(() -> states.tryEmitNext(FIRST))
			.assertNext((update) -> assertThat(update.seq()).isOne())
			.then(() -> {
				for (int seq = 2; seq <= 100; seq++) {
					states.tryEmitNext(new ResultState(seq,
							ResultDifferTests.series("[[0, true], [10000, false]]", "[[0, 5], [10000, " + seq + "]]")));
				}
			})
			.expectNoEvent(Duration.ofMillis(50))
			.thenRequest(1)
			.assertNext((update) -> {
				assertThat(update.seq()).isEqualTo(100);
				assertThat(update.baseSeq()).isOne();
				assertThat(update.changes().values()).singleElement()
					.satisfies((entry) -> assertThat(entry.path("value").asInt()).isEqualTo(100));
			})
			.thenCancel()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void shouldSendASnapshotWhenTheDiffWouldBeLargerThanTheResult() {
		ResultState replaced = new ResultState(2,
				ResultDifferTests.series("[[20000, false], [30000, false]]", "[[20000, 1], [30000, 1]]"));

		StepVerifier.create(UpdateStream.of(Flux.just(FIRST, replaced)))
			.expectNextCount(1)
			.assertNext((update) -> assertThat(update.type()).isEqualTo(Update.SNAPSHOT))
			.verifyComplete();
	}

}
