package io.flare.benchmarks.gateway;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * Counts, over many subscriptions, those that received their first message (always a
 * snapshot), the messages, and the failed streams.
 */
final class StreamTally {

	private final AtomicInteger snapshotted = new AtomicInteger();

	private final AtomicLong messages = new AtomicLong();

	private final AtomicInteger failed = new AtomicInteger();

	private final AtomicReference<@Nullable String> firstError = new AtomicReference<>();

	/**
	 * Subscribes once more, counted here.
	 * @param connection the connection to carry it
	 * @param metric the metric
	 * @param params its parameters
	 * @return cancels the subscription
	 */
	Disposable subscribe(GatewayConnection connection, String metric, Map<String, String> params) {
		boolean[] first = { true };
		// one stream's messages arrive one at a time, on its connection's thread
		return connection.subscribe(metric, params, (message) -> {
			this.messages.incrementAndGet();
			if (first[0]) {
				first[0] = false;
				this.snapshotted.incrementAndGet();
			}
		}, (ex) -> {
			this.failed.incrementAndGet();
			this.firstError.compareAndSet(null, String.valueOf(ex.getMessage()));
		});
	}

	int snapshotted() {
		return this.snapshotted.get();
	}

	long messages() {
		return this.messages.get();
	}

	int failed() {
		return this.failed.get();
	}

	@Nullable String firstError() {
		return this.firstError.get();
	}

}
