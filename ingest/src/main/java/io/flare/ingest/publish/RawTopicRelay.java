package io.flare.ingest.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Relays the raw topic to the events topic, at least once: each polled round is
 * validated, every output (event or dead letter) is sent, and the round's offsets are
 * committed only after Kafka acknowledged every output. A round that fails is rewound and
 * retried, so nothing is dropped; Pinot's dedup on eventId absorbs the repeats.
 */
final class RawTopicRelay implements SmartLifecycle, Runnable {

	private static final Logger LOG = LoggerFactory.getLogger(RawTopicRelay.class);

	private final Consumer<byte[], byte[]> consumer;

	private final Producer<byte[], byte[]> producer;

	private final RawRecordRouter router;

	private final RawRelayProperties properties;

	private final Duration ackTimeout;

	private volatile boolean running;

	private volatile Thread thread;

	RawTopicRelay(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer, RawRecordRouter router,
			RawRelayProperties properties, Duration ackTimeout) {
		this.consumer = consumer;
		this.producer = producer;
		this.router = router;
		this.properties = properties;
		this.ackTimeout = ackTimeout;
	}

	@Override
	public void start() {
		this.running = true;
		Thread relay = new Thread(this, "raw-relay");
		relay.setDaemon(true);
		this.thread = relay;
		relay.start();
	}

	@Override
	public void stop() {
		this.running = false;
		this.consumer.wakeup();
		Thread relay = this.thread;
		if (relay != null) {
			try {
				relay.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// stop before the producer is closed and after the web server stopped taking
		// requests
		return SmartLifecycle.DEFAULT_PHASE - 100;
	}

	@Override
	public void run() {
		try {
			this.consumer.subscribe(List.of(this.properties.topic()));
			while (this.running) {
				relayOnce();
			}
		}
		catch (WakeupException ex) {
			LOG.debug("Raw relay woken up to stop");
		}
		finally {
			this.consumer.close(Duration.ofSeconds(5));
		}
	}

	/** Polls one round and relays it; rewinds it when an output was not acknowledged. */
	void relayOnce() {
		ConsumerRecords<byte[], byte[]> records = this.consumer.poll(this.properties.pollTimeout());
		if (records.isEmpty()) {
			return;
		}
		try {
			sendAndAwait(records);
			this.consumer.commitSync(nextOffsets(records));
		}
		catch (WakeupException ex) {
			throw ex;
		}
		catch (RuntimeException | ExecutionException | TimeoutException ex) {
			// Kafka errors, and anything unexpected: the round is retried, never skipped
			LOG.warn("Relaying {} raw records failed; retrying from the last commit in {}: {}", records.count(),
					this.properties.retryBackoff(), ex.toString());
			rewind(records);
			pause();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	private void sendAndAwait(ConsumerRecords<byte[], byte[]> records)
			throws InterruptedException, ExecutionException, TimeoutException {
		List<Future<RecordMetadata>> acks = new ArrayList<>(records.count());
		for (ConsumerRecord<byte[], byte[]> record : records) {
			acks.add(this.producer.send(this.router.route(record)));
		}
		long deadline = System.nanoTime() + this.ackTimeout.toNanos();
		for (Future<RecordMetadata> ack : acks) {
			ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
	}

	private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
		Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
		for (TopicPartition partition : records.partitions()) {
			List<ConsumerRecord<byte[], byte[]>> list = records.records(partition);
			offsets.put(partition, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
		}
		return offsets;
	}

	private void rewind(ConsumerRecords<byte[], byte[]> records) {
		for (TopicPartition partition : records.partitions()) {
			try {
				this.consumer.seek(partition, records.records(partition).get(0).offset());
			}
			catch (IllegalStateException ex) {
				// the partition was revoked meanwhile: its new owner resumes from the
				// commit
				LOG.debug("Partition {} no longer assigned: {}", partition, ex.getMessage());
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(this.properties.retryBackoff().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
