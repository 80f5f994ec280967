package io.flare.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import io.flare.ingest.IngestMetrics;
import io.flare.ingest.validation.BatchReader;
import io.flare.ingest.validation.EventValidator;
import io.flare.ingest.validation.ValidationProperties;

import static org.assertj.core.api.Assertions.assertThat;

class RawTopicRelayTests {

	private static final TopicPartition PARTITION = new TopicPartition("events-raw", 0);

	private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

	private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
			new ByteArraySerializer());

	private final RawRelayProperties properties = new RawRelayProperties(true, "events-raw", "events-dlq", "g", 500,
			Duration.ofMillis(10), Duration.ofMillis(1));

	private final RawTopicRelay relay = new RawTopicRelay(this.consumer, this.producer,
			new RawRecordRouter(new BatchReader(1, 65_536), new EventValidator(ValidationProperties.defaults()),
					"events", "events-dlq", Clock.systemUTC(), new IngestMetrics(new SimpleMeterRegistry())),
			this.properties, Duration.ofSeconds(5));

	RawTopicRelayTests() {
		this.consumer.assign(List.of(PARTITION));
		this.consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
	}

	@Test
	void shouldRelayEventsAndDeadLettersThenCommit() {
		add(0, valid("a"));
		add(1, "garbage");
		add(2, valid("b"));

		this.relay.relayOnce();

		assertThat(this.producer.history()).extracting((r) -> r.topic())
			.containsExactly("events", "events-dlq", "events");
		assertThat(committed()).isEqualTo(3);
	}

	@Test
	void shouldNotCommitAndShouldRewindWhenAnOutputIsNotAcknowledged() {
		add(0, valid("a"));
		add(1, valid("b"));
		this.producer.sendException = new TimeoutException("broker down");

		this.relay.relayOnce();

		assertThat(committed()).isNull();
		assertThat(this.consumer.position(PARTITION)).isZero();
	}

	@Test
	void shouldRelayTheSameRecordsAgainAfterAFailedRound() {
		add(0, valid("a"));
		this.producer.sendException = new TimeoutException("broker down");
		this.relay.relayOnce();
		this.producer.sendException = null;

		add(0, valid("a"));
		this.relay.relayOnce();

		assertThat(committed()).isEqualTo(1);
		assertThat(this.producer.history()).extracting((r) -> r.topic()).contains("events");
	}

	private void add(long offset, String value) {
		this.consumer
			.addRecord(new ConsumerRecord<>("events-raw", 0, offset, null, value.getBytes(StandardCharsets.UTF_8)));
	}

	private Long committed() {
		OffsetAndMetadata offset = this.consumer.committed(Set.of(PARTITION)).get(PARTITION);
		return (offset != null) ? offset.offset() : null;
	}

	private static String valid(String id) {
		return "{\"eventId\":\"" + id + "\",\"source\":\"s\",\"category\":\"c\",\"type\":\"t\",\"entityId\":\"e\","
				+ "\"eventTime\":" + System.currentTimeMillis() + "}";
	}

}
