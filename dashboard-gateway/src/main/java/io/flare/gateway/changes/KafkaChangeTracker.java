package io.flare.gateway.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;

/**
 * Follows the {@code events} topic from its latest offsets, in a consumer group of its
 * own, and hands each polled batch of events to a listener. Offsets are never committed:
 * a restarted gateway re-evaluates every subscription anyway.
 */
final class KafkaChangeTracker implements SmartLifecycle {

	private static final Logger LOGGER = LoggerFactory.getLogger(KafkaChangeTracker.class);

	private final ChangesProperties properties;

	private final Consumer<List<ObservedEvent>> listener;

	private final JsonMapper json = JsonMapper.builder().build();

	private volatile boolean running;

	private volatile @Nullable KafkaConsumer<byte[], byte[]> consumer;

	private @Nullable Thread thread;

	KafkaChangeTracker(ChangesProperties properties, Consumer<List<ObservedEvent>> listener) {
		this.properties = properties;
		this.listener = listener;
	}

	@Override
	public void start() {
		KafkaConsumer<byte[], byte[]> created = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.properties.bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, this.properties.groupPrefix() + "-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
						false, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
						ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
		created.subscribe(List.of(this.properties.topic()));
		this.consumer = created;
		this.running = true;
		Thread started = new Thread(() -> run(created), "flare-change-tracker");
		started.setDaemon(true);
		started.start();
		this.thread = started;
	}

	private void run(KafkaConsumer<byte[], byte[]> consumer) {
		try (consumer) {
			while (this.running) {
				ConsumerRecords<byte[], byte[]> records = consumer.poll(this.properties.pollTimeout());
				if (!records.isEmpty()) {
					this.listener.accept(read(records));
				}
			}
		}
		catch (WakeupException ex) {
			// stop() woke the poll up
		}
		catch (RuntimeException ex) {
			LOGGER.error("Change tracker stopped; subscriptions now refresh only when their window slides", ex);
		}
	}

	private List<ObservedEvent> read(ConsumerRecords<byte[], byte[]> records) {
		List<ObservedEvent> events = new ArrayList<>(records.count());
		for (ConsumerRecord<byte[], byte[]> record : records) {
			try {
				ObservedEvent event = (record.value() != null) ? ObservedEvent.from(this.json.readTree(record.value()))
						: null;
				if (event != null) {
					events.add(event.at(record.partition(), record.offset()));
				}
			}
			catch (JacksonException ex) {
				LOGGER.debug("Skipped an event that is not JSON at offset {} of partition {}", record.offset(),
						record.partition());
			}
		}
		return events;
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<byte[], byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		Thread worker = this.thread;
		if (worker != null) {
			try {
				worker.join(5000);
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

}
