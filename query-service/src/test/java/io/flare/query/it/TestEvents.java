package io.flare.query.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import io.flare.infra.stack.StackProperties;
import io.flare.infra.testing.PinotBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * Produces test events to the real {@code events} topic (keyed by eventId, as the
 * platform does) and waits until Pinot has consumed them, with one fence event per
 * partition: Pinot consumes each partition in order.
 */
final class TestEvents implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KafkaProducer<byte[], byte[]> producer;

	private final PinotBroker pinot;

	TestEvents(StackProperties stack) {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new ByteArraySerializer(), new ByteArraySerializer());
		this.pinot = new PinotBroker(stack.pinotBrokerUrl());
	}

	PinotBroker pinot() {
		return this.pinot;
	}

	/** An event in the Kafka contract. */
	static Map<String, Object> event(String id, String source, String category, String entity, long eventTime,
			String country, double value) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("eventId", id);
		event.put("source", source);
		event.put("category", category);
		event.put("type", "test");
		event.put("entityId", entity);
		event.put("eventTime", eventTime);
		event.put("location", Map.of("country", country, "city", "Testville"));
		event.put("value", value);
		event.put("attributes", Map.of("run", source));
		return event;
	}

	/** Sends every event and waits for Kafka's acknowledgements. */
	void send(List<Map<String, Object>> events) throws Exception {
		List<Future<?>> acks = new ArrayList<>();
		for (Map<String, Object> event : events) {
			byte[] key = ((String) event.get("eventId")).getBytes(StandardCharsets.UTF_8);
			acks.add(this.producer.send(new ProducerRecord<>("events", key, JSON.writeValueAsBytes(event))));
		}
		for (Future<?> ack : acks) {
			ack.get();
		}
	}

	/** Returns once Pinot has consumed everything sent so far, on every partition. */
	void awaitConsumed() throws Exception {
		String fence = "fence-" + UUID.randomUUID().toString().substring(0, 8);
		int partitions = this.producer.partitionsFor("events").size();
		List<Future<?>> acks = new ArrayList<>();
		for (int partition = 0; partition < partitions; partition++) {
			Map<String, Object> event = event(fence + "-" + partition, fence, "fence", "fence", 0L, "ZZ", 0);
			acks.add(this.producer.send(new ProducerRecord<>("events", partition,
					((String) event.get("eventId")).getBytes(StandardCharsets.UTF_8), JSON.writeValueAsBytes(event))));
		}
		for (Future<?> ack : acks) {
			ack.get();
		}
		String count = "SELECT COUNT(*) FROM events WHERE source = '" + fence + "'";
		await("Pinot consumed every partition").atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.pinot.queryLong(count), (n) -> n == partitions);
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
	}

}
