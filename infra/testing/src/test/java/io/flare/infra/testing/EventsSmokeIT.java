package io.flare.infra.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flare.infra.stack.StackProperties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End to end on the real stack: events produced to Kafka are counted exactly by Pinot,
 * and producing the same events again (same ids) does not change the count (dedup on
 * eventId).
 */
@FlareStackTest
class EventsSmokeIT {

	private static final int EVENTS = 2_000;

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void shouldCountEveryProducedEventOnceEvenWhenProducedTwice(StackProperties stack) throws Exception {
		String source = "smoke-" + UUID.randomUUID().toString().substring(0, 8);
		PinotBroker pinot = new PinotBroker(stack.pinotBrokerUrl());
		String count = "SELECT COUNT(*) FROM events WHERE source = '" + source + "'";

		try (KafkaProducer<byte[], byte[]> producer = producer(stack)) {
			sendAll(producer, events(source));
			await("Pinot counts all " + EVENTS + " events").atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> pinot.queryLong(count), (n) -> n >= EVENTS);
			assertThat(pinot.queryLong(count)).isEqualTo(EVENTS);

			sendAll(producer, events(source));
			int partitions = producer.partitionsFor("events").size();
			String fenceSource = source + "-fence";
			List<ProducerRecord<byte[], byte[]>> fences = new ArrayList<>();
			for (int partition = 0; partition < partitions; partition++) {
				String id = fenceSource + "-" + partition;
				fences.add(new ProducerRecord<>("events", partition, bytes(id), json(id, fenceSource, 0)));
			}
			sendAll(producer, fences);
			// Pinot consumes each partition in order: once every fence is visible, every
			// duplicate was consumed.
			await("Pinot consumed past the duplicates on every partition").atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> pinot.queryLong("SELECT COUNT(*) FROM events WHERE source = '" + fenceSource + "'"),
						(n) -> n == partitions);
		}
		assertThat(pinot.queryLong(count)).as("count after producing the same events again").isEqualTo(EVENTS);
	}

	private static List<ProducerRecord<byte[], byte[]>> events(String source) throws Exception {
		List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(EVENTS);
		for (int i = 0; i < EVENTS; i++) {
			String id = source + "-" + i;
			records.add(new ProducerRecord<>("events", bytes(id), json(id, source, i)));
		}
		return records;
	}

	private static byte[] json(String id, String source, int i) throws Exception {
		Map<String, Object> location = Map.of("country", "FR", "region", "IDF", "city", "Paris", "lat", 48.85, "lon",
				2.35);
		Map<String, Object> event = Map.of("eventId", id, "source", source, "category", "news", "type", "headline",
				"entityId", "story-" + (i % 10), "eventTime", System.currentTimeMillis(), "location", location, "value",
				i, "attributes", Map.of("lang", "fr"));
		return JSON.writeValueAsBytes(event);
	}

	private static void sendAll(KafkaProducer<byte[], byte[]> producer, List<ProducerRecord<byte[], byte[]>> records)
			throws Exception {
		List<Future<?>> acks = new ArrayList<>(records.size());
		for (ProducerRecord<byte[], byte[]> record : records) {
			acks.add(producer.send(record));
		}
		for (Future<?> ack : acks) {
			ack.get();
		}
	}

	private static KafkaProducer<byte[], byte[]> producer(StackProperties stack) {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new ByteArraySerializer(), new ByteArraySerializer());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
