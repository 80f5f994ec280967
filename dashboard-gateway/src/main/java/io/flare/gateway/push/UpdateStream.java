package io.flare.gateway.push;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.flare.gateway.subscription.ResultState;

/**
 * Turns a shared evaluation's states into one subscriber's messages: a snapshot first,
 * then diffs against what this subscriber last received. A subscriber that does not keep
 * up gets only the latest state (conflated); its diff is then against the state it had,
 * so nothing it shows goes stale.
 */
final class UpdateStream {

	private @Nullable ResultState delivered;

	private UpdateStream() {
	}

	static Flux<Update> of(Flux<ResultState> states) {
		return Flux.defer(() -> {
			UpdateStream stream = new UpdateStream();
			return states.onBackpressureLatest().map(stream::next);
		});
	}

	private Update next(ResultState state) {
		ResultState previous = this.delivered;
		this.delivered = state;
		if (previous == null) {
			return snapshot(state);
		}
		ResultDiff changes = ResultDiffer.diff(previous.result(), state.result());
		int size = state.result().path("values").size();
		if (size > 0 && changes.values().size() + changes.removed().size() > size) {
			// the diff would be larger than the result
			return snapshot(state);
		}
		return new Update(Update.DIFF, state.seq(), previous.seq(), metadata(state.result()), changes);
	}

	private static Update snapshot(ResultState state) {
		return new Update(Update.SNAPSHOT, state.seq(), null, state.result(), null);
	}

	private static JsonNode metadata(JsonNode result) {
		ObjectNode metadata = ((ObjectNode) result).deepCopy();
		metadata.remove("values");
		metadata.remove("buckets");
		return metadata;
	}

}
