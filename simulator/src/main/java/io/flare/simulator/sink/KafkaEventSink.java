package io.flare.simulator.sink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

import io.flare.simulator.generate.GeneratedEvent;
import io.flare.simulator.json.EventJsonEncoder;

/**
 * Produces each event to Kafka as JSON, keyed by its eventId, with the platform's
 * producer settings (acks=all, idempotence, lz4, batching).
 */
final class KafkaEventSink implements EventSink {

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

	private static final int MAX_BLOCK_MILLIS = 15_000;

	private final Producer<byte[], byte[]> producer;

	private final String topic;

	private final EventJsonEncoder encoder = new EventJsonEncoder();

	private final SinkCounters counters = new SinkCounters();

	private final Callback callback = this::completed;

	KafkaEventSink(Producer<byte[], byte[]> producer, String topic) {
		this.producer = producer;
		this.topic = topic;
	}

	static KafkaEventSink create(KafkaSinkProperties properties) {
		Producer<byte[], byte[]> producer;
		try {
			producer = new KafkaProducer<>(producerConfig(properties));
		}
		catch (KafkaException ex) {
			throw new SinkException(
					"cannot create a Kafka producer for '" + properties.bootstrapServers() + "': " + rootMessage(ex),
					ex);
		}
		try {
			// fail at start, not one blocked send at a time, when the broker or the topic
			// is missing
			producer.partitionsFor(properties.topic());
		}
		catch (KafkaException ex) {
			producer.close(Duration.ZERO);
			throw new SinkException("cannot reach Kafka at '" + properties.bootstrapServers() + "' or its topic '"
					+ properties.topic() + "' does not exist: " + rootMessage(ex), ex);
		}
		return new KafkaEventSink(producer, properties.topic());
	}

	static Map<String, Object> producerConfig(KafkaSinkProperties properties) {
		return Map.ofEntries(Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers()),
				Map.entry(ProducerConfig.CLIENT_ID_CONFIG, "flare-simulator"),
				Map.entry(ProducerConfig.ACKS_CONFIG, "all"), Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
				Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
				Map.entry(ProducerConfig.LINGER_MS_CONFIG, 10), Map.entry(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
				Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MILLIS),
				Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class),
				Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
	}

	@Override
	public void send(List<GeneratedEvent> batch) {
		this.counters.sent(batch.size());
		for (GeneratedEvent event : batch) {
			byte[] key = event.eventId().getBytes(StandardCharsets.UTF_8);
			try {
				this.producer.send(new ProducerRecord<>(this.topic, key, this.encoder.encode(event)), this.callback);
			}
			catch (KafkaException | IllegalStateException ex) {
				this.counters.failed(1, "send failed: " + rootMessage(ex));
			}
		}
	}

	private void completed(@Nullable RecordMetadata metadata, @Nullable Exception exception) {
		if (exception == null) {
			this.counters.acknowledged(1);
		}
		else {
			this.counters.failed(1, "not acknowledged: " + rootMessage(exception));
		}
	}

	@Override
	public SinkStats stats() {
		return this.counters.snapshot();
	}

	@Override
	public void close() {
		try {
			this.producer.flush();
		}
		catch (KafkaException ex) {
			this.counters.failed(0, "flush failed: " + rootMessage(ex));
		}
		finally {
			this.producer.close(CLOSE_TIMEOUT);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
