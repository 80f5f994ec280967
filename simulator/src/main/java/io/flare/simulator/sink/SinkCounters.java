package io.flare.simulator.sink;

import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

/**
 * Thread-safe counts, updated by the sending thread and by delivery callbacks.
 */
final class SinkCounters {

	private final LongAdder sent = new LongAdder();

	private final LongAdder acknowledged = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private volatile @Nullable String lastError;

	void sent(long count) {
		this.sent.add(count);
	}

	void acknowledged(long count) {
		this.acknowledged.add(count);
	}

	void failed(long count, String error) {
		this.failed.add(count);
		this.lastError = error;
	}

	SinkStats snapshot() {
		// read the outcomes before the sent count, so in-flight never goes negative
		long failedNow = this.failed.sum();
		long acknowledgedNow = this.acknowledged.sum();
		return new SinkStats(this.sent.sum(), acknowledgedNow, failedNow, this.lastError);
	}

}
