package io.flare.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

import io.flare.ingest.validation.EventJson;
import io.flare.model.Event;

/**
 * Publishes to Kafka with the producer's own batching; answers only when every record of
 * the batch is acknowledged (acks=all) or failed. Records are serialised on the caller's
 * thread; sends run on a scheduler that may block up to {@code max.block.ms}.
 */
final class KafkaEventPublisher implements EventPublisher {

	private final Producer<byte[], byte[]> producer;

	private final PublishProperties properties;

	private final Scheduler sendScheduler;

	private final Timer sendTimer;

	KafkaEventPublisher(Producer<byte[], byte[]> producer, PublishProperties properties, Scheduler sendScheduler,
			MeterRegistry meters) {
		this.producer = producer;
		this.properties = properties;
		this.sendScheduler = sendScheduler;
		this.sendTimer = Timer.builder("flare.ingest.kafka.send")
			.description("Time from sending a batch to Kafka until every record is acknowledged or failed")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
	}

	@Override
	public Mono<Void> publish(List<Event> events) {
		if (events.isEmpty()) {
			return Mono.empty();
		}
		List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(events.size());
		for (Event event : events) {
			records.add(new ProducerRecord<>(this.properties.topic(), event.eventId().getBytes(StandardCharsets.UTF_8),
					EventJson.write(event)));
		}
		return Mono.<Void>create((sink) -> sendAll(records, sink))
			.subscribeOn(this.sendScheduler)
			.timeout(this.properties.batchTimeout(),
					Mono.error(() -> new PublishException(
							"Kafka did not acknowledge the batch within " + this.properties.batchTimeout(),
							records.size(), true, null)));
	}

	private void sendAll(List<ProducerRecord<byte[], byte[]>> records, MonoSink<Void> sink) {
		BatchAcknowledgement ack = new BatchAcknowledgement(records.size(), sink, this.sendTimer);
		for (int i = 0; i < records.size(); i++) {
			try {
				this.producer.send(records.get(i), ack);
			}
			catch (KafkaException | IllegalStateException ex) {
				// thrown rather than called back (e.g. the producer is closed): fail the
				// rest
				ack.failRemaining(records.size() - i, ex);
				return;
			}
		}
	}

	/** Counts acknowledgements of one batch; completes its sink once all are in. */
	static final class BatchAcknowledgement implements Callback {

		private final AtomicInteger pending;

		private final AtomicInteger failed = new AtomicInteger();

		private final AtomicReference<@Nullable Exception> firstFailure = new AtomicReference<>();

		private final MonoSink<Void> sink;

		private final Timer timer;

		private final long startNanos = System.nanoTime();

		private final int size;

		BatchAcknowledgement(int size, MonoSink<Void> sink, Timer timer) {
			this.size = size;
			this.pending = new AtomicInteger(size);
			this.sink = sink;
			this.timer = timer;
		}

		@Override
		public void onCompletion(@Nullable RecordMetadata metadata, @Nullable Exception exception) {
			if (exception != null) {
				this.failed.incrementAndGet();
				this.firstFailure.compareAndSet(null, exception);
			}
			if (this.pending.decrementAndGet() == 0) {
				complete();
			}
		}

		void failRemaining(int count, Exception exception) {
			this.failed.addAndGet(count);
			this.firstFailure.compareAndSet(null, exception);
			if (this.pending.addAndGet(-count) == 0) {
				complete();
			}
		}

		private void complete() {
			this.timer.record(System.nanoTime() - this.startNanos, TimeUnit.NANOSECONDS);
			Exception cause = this.firstFailure.get();
			if (cause == null) {
				this.sink.success();
				return;
			}
			boolean retriable = cause instanceof RetriableException || cause instanceof IllegalStateException;
			this.sink.error(new PublishException(this.failed.get() + " of " + this.size
					+ " events were not acknowledged by Kafka: " + cause.getMessage(), this.failed.get(), retriable,
					cause));
		}

	}

}
