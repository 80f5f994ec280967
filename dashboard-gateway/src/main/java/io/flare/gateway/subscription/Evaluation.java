package io.flare.gateway.subscription;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

import io.flare.gateway.changes.MetricScope;
import io.flare.gateway.changes.PendingOffsets;

/**
 * The state of one shared evaluation; every field is guarded by the instance's monitor.
 */
final class Evaluation {

	private static final Sinks.EmitFailureHandler RETRY = Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(200));

	final SubscriptionKey key;

	/**
	 * Replays the latest state to each new subscriber, so a subscriber's memory is one
	 * result.
	 */
	private final Sinks.Many<ResultState> sink = Sinks.many().replay().latest();

	/** The events this query waits for Pinot to ingest. */
	final PendingOffsets pending = new PendingOffsets();

	int subscribers;

	boolean inFlight;

	boolean dirty = true;

	long dirtyUntil = Long.MIN_VALUE;

	/** When the first provisional bucket is expected to turn final. */
	long nextFinalAt = Long.MAX_VALUE;

	long lastBucket = Long.MIN_VALUE;

	@Nullable MetricScope scope;

	@Nullable JsonNode last;

	@Nullable JsonNode lastSignificant;

	long version = -1;

	long seq;

	Evaluation(SubscriptionKey key) {
		this.key = key;
	}

	Sinks.Many<ResultState> sink() {
		return this.sink;
	}

	synchronized boolean due(long now) {
		if (this.inFlight) {
			return false;
		}
		boolean slid = this.scope != null && this.scope.bucketStart(now) != this.lastBucket;
		return this.dirty || slid || now <= this.dirtyUntil || now >= this.nextFinalAt;
	}

	void emit(ResultState state) {
		this.sink.emitNext(state, RETRY);
	}

	void fail(Throwable error) {
		this.sink.emitError(error, RETRY);
	}

	void complete() {
		this.sink.emitComplete(RETRY);
	}

}
