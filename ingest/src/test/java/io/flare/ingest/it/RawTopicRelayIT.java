package io.flare.ingest.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.flare.infra.stack.StackProperties;
import io.flare.infra.testing.FlareStackExtension;
import io.flare.infra.testing.FlareStackTest;
import io.flare.infra.testing.PinotBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka-native path on the real stack: records on a raw topic are validated with the
 * HTTP rules; valid ones reach Pinot through the events topic, invalid ones land on the
 * dead-letter topic with the reason and origin in headers. Raw and dead-letter topics are
 * this test's own, so the shared ones are left alone.
 */
@FlareStackTest
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
class RawTopicRelayIT {

	private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

	private static final String RAW = "it-raw-" + SUFFIX;

	private static final String DLQ = "it-dlq-" + SUFFIX;

	@DynamicPropertySource
	static void stack(DynamicPropertyRegistry registry) throws Exception {
		StackProperties stack = StackSupport.register(registry);
		StackSupport.createTopics(stack, List.of(RAW, DLQ));
		registry.add("flare.ingest.raw.topic", () -> RAW);
		registry.add("flare.ingest.raw.dead-letter-topic", () -> DLQ);
		registry.add("flare.ingest.raw.group-id", () -> "it-relay-" + SUFFIX);
	}

	@AfterAll
	static void deleteTopics() throws Exception {
		StackSupport.deleteTopics(FlareStackExtension.ensureStarted(), List.of(RAW, DLQ));
	}

	@Test
	void shouldRelayValidEventsToPinotAndDeadLetterTheRest(StackProperties stack) throws Exception {
		String source = StackSupport.uniqueSource("it-raw");
		List<String> values = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			values.add(event(source, "\"eventId\":\"" + source + "-" + i + "\",", Instant.now().toEpochMilli()));
		}
		values.add("{not json");
		values.add(event(source, "", Instant.parse("2020-01-01T00:00:00Z").toEpochMilli()));
		produce(stack, values);

		PinotBroker pinot = new PinotBroker(stack.pinotBrokerUrl());
		await("Pinot counts the relayed events").atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> StackSupport.count(pinot, source), (n) -> n >= 100);
		assertThat(StackSupport.count(pinot, source)).isEqualTo(100);

		List<ConsumerRecord<byte[], byte[]>> dead = deadLetters(stack, 2);
		assertThat(dead).extracting((r) -> header(r, "flare.error.code"))
			.containsExactlyInAnyOrder("malformed_json", "too_old");
		assertThat(dead).allSatisfy((r) -> {
			assertThat(header(r, "flare.original.topic")).isEqualTo(RAW);
			assertThat(header(r, "flare.original.offset")).isNotBlank();
			assertThat(header(r, "flare.original.partition")).isIn("0", "1");
			assertThat(header(r, "flare.error.reason")).isNotBlank();
		});
	}

	private static void produce(StackProperties stack, List<String> values) throws Exception {
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map
			.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all"),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			List<Future<?>> acks = new ArrayList<>();
			for (String value : values) {
				acks.add(producer.send(new ProducerRecord<>(RAW, value.getBytes(StandardCharsets.UTF_8))));
			}
			for (Future<?> ack : acks) {
				ack.get();
			}
		}
	}

	private static List<ConsumerRecord<byte[], byte[]>> deadLetters(StackProperties stack, int expected) {
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(), ConsumerConfig.GROUP_ID_CONFIG,
						"it-dlq-reader-" + SUFFIX, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(DLQ));
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (records.size() < expected && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
			}
		}
		return records;
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private static String event(String source, String idField, long time) {
		return "{" + idField + "\"source\":\"" + source + "\",\"category\":\"news\",\"type\":\"headline\","
				+ "\"entityId\":\"s-1\",\"eventTime\":" + time + ",\"location\":{\"country\":\"de\"}}";
	}

}
