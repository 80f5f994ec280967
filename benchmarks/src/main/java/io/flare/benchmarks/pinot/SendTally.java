package io.flare.benchmarks.pinot;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;

/** Counts a producer's acknowledgements and keeps the first failure. */
final class SendTally implements Callback {

	private final AtomicLong acked = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicReference<@Nullable Exception> firstError = new AtomicReference<>();

	@Override
	public void onCompletion(@Nullable RecordMetadata metadata, @Nullable Exception exception) {
		if (exception == null) {
			this.acked.incrementAndGet();
		}
		else {
			this.failed.incrementAndGet();
			this.firstError.compareAndSet(null, exception);
		}
	}

	long acked() {
		return this.acked.get();
	}

	long failed() {
		return this.failed.get();
	}

	/** Fails the benchmark if any send failed: the expected row count would be wrong. */
	void requireNoFailures(String what) {
		Exception error = this.firstError.get();
		if (error != null) {
			throw new BenchmarkException(this.failed.get() + " " + what + " sends failed; first: " + error, error);
		}
	}

}
