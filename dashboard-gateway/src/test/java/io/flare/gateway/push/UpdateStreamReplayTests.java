package io.flare.gateway.push;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.flare.gateway.subscription.ResultState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of results: a client that applies every message to the first snapshot
 * holds exactly the last result, whether it keeps up or is conflated.
 */
class UpdateStreamReplayTests {

	private static final long BUCKET = 10_000;

	@Test
	void shouldReproduceEveryStateFromTheSnapshotAndItsDiffs() {
		List<ResultState> states = randomStates(new Random(42), 500);
		DiffApplier client = new DiffApplier();
		List<Long> seqs = new ArrayList<>();

		StepVerifier.create(UpdateStream.of(Flux.fromIterable(states))).thenConsumeWhile((update) -> {
			client.apply(update);
			seqs.add(update.seq());
			assertThat(DiffApplier.significant(client.result()))
				.isEqualTo(DiffApplier.significant(states.get(seqs.size() - 1).result()));
			return true;
		}).verifyComplete();

		assertThat(seqs).hasSize(states.size()).isSorted().doesNotHaveDuplicates();
		assertThat(seqs.get(seqs.size() - 1) - seqs.get(0)).as("no gap").isEqualTo(states.size() - 1);
	}

	@Test
	void shouldReproduceTheLatestStateForAConflatedClient() {
		List<ResultState> states = randomStates(new Random(7), 300);
		Sinks.Many<ResultState> sink = Sinks.many().multicast().directBestEffort();
		DiffApplier client = new DiffApplier();
		Random pace = new Random(3);
		List<Long> seqs = new ArrayList<>();

		StepVerifier.Step<Update> step = StepVerifier.create(UpdateStream.of(sink.asFlux()), 0);
		int emitted = 0;
		while (emitted < states.size()) {
			List<ResultState> burst = states.subList(emitted, Math.min(states.size(), emitted + 1 + pace.nextInt(10)));
			emitted += burst.size();
			step = step.then(() -> burst.forEach(sink::tryEmitNext)).thenRequest(1).consumeNextWith((update) -> {
				client.apply(update);
				seqs.add(update.seq());
			});
		}
		step.thenCancel().verify(Duration.ofSeconds(10));

		assertThat(seqs).isSorted().doesNotHaveDuplicates();
		assertThat(seqs.get(seqs.size() - 1)).isEqualTo(states.size());
		assertThat(DiffApplier.significant(client.result()))
			.isEqualTo(DiffApplier.significant(states.get(states.size() - 1).result()));
	}

	private static List<ResultState> randomStates(Random random, int count) {
		List<ResultState> states = new ArrayList<>();
		long first = 0;
		long[] counts = new long[40];
		for (int seq = 1; seq <= count; seq++) {
			if (random.nextInt(10) == 0) {
				// the window slides: the oldest bucket drops out
				System.arraycopy(counts, 1, counts, 0, counts.length - 1);
				counts[counts.length - 1] = 0;
				first += BUCKET;
			}
			int touched = 1 + random.nextInt(3);
			for (int i = 0; i < touched; i++) {
				counts[counts.length - 1 - random.nextInt(6)] += 1 + random.nextInt(5);
			}
			states.add(new ResultState(seq, result(first, counts, random.nextInt(3))));
		}
		return states;
	}

	private static JsonNode result(long first, long[] counts, int provisional) {
		ObjectNode result = JsonNodeFactory.instance.objectNode();
		result.put("metric", "random").put("asOf", first + counts.length * BUCKET);
		var values = result.putArray("values");
		var buckets = result.putArray("buckets");
		for (int i = 0; i < counts.length; i++) {
			long start = first + i * BUCKET;
			buckets.addObject()
				.put("start", start)
				.put("end", start + BUCKET)
				.put("final", i < counts.length - 1 - provisional);
			if (counts[i] > 0) {
				ObjectNode entry = values.addObject().put("bucket", start);
				entry.putObject("group").put("source", (i % 2 == 0) ? "a" : "b");
				entry.put("value", counts[i]);
			}
		}
		return result;
	}

}
