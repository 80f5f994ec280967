package io.flare.simulator.sink;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import io.flare.simulator.generate.EventGenerator;
import io.flare.simulator.generate.GeneratedEvent;
import io.flare.simulator.generate.GeneratorProperties;
import io.flare.simulator.generate.TestClocks;
import io.flare.simulator.json.EventJsonEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KafkaEventSinkTests {

	private final MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(),
			new ByteArraySerializer());

	private final KafkaEventSink sink = new KafkaEventSink(this.producer, "events");

	private final List<GeneratedEvent> batch = new EventGenerator(GeneratorProperties.defaults(6),
			TestClocks.ticking(0))
		.next(5);

	@Test
	void shouldProduceEachEventAsJsonKeyedByItsEventId() {
		this.sink.send(this.batch);
		List<ProducerRecord<byte[], byte[]>> records = this.producer.history();
		assertThat(records).hasSize(5);
		EventJsonEncoder encoder = new EventJsonEncoder();
		for (int i = 0; i < records.size(); i++) {
			GeneratedEvent event = this.batch.get(i);
			assertThat(records.get(i).topic()).isEqualTo("events");
			assertThat(new String(records.get(i).key(), StandardCharsets.UTF_8)).isEqualTo(event.eventId());
			assertThat(records.get(i).value()).isEqualTo(encoder.encode(event));
		}
	}

	@Test
	void shouldCountAcknowledgementsAndFailuresFromTheCallbacks() {
		this.sink.send(this.batch);
		assertThat(this.sink.stats()).isEqualTo(new SinkStats(5, 0, 0, null));
		this.producer.completeNext();
		this.producer.completeNext();
		this.producer.errorNext(new NotEnoughReplicasException("only 1 in-sync replica"));
		this.producer.completeNext();
		this.producer.errorNext(new NotEnoughReplicasException("only 1 in-sync replica"));
		SinkStats stats = this.sink.stats();
		assertThat(stats.acknowledged()).isEqualTo(3);
		assertThat(stats.failed()).isEqualTo(2);
		assertThat(stats.inFlight()).isZero();
		assertThat(stats.lastError()).isEqualTo("not acknowledged: NotEnoughReplicasException: only 1 in-sync replica");
	}

	@Test
	void shouldFlushWhatIsInFlightAndCloseTheProducer() {
		this.sink.send(this.batch);
		this.sink.close();
		assertThat(this.producer.flushed()).isTrue();
		assertThat(this.producer.closed()).isTrue();
		assertThat(this.sink.stats()).isEqualTo(new SinkStats(5, 5, 0, null));
	}

	@Test
	void shouldCountASendThatThrowsAsFailed() {
		this.producer.close();
		this.sink.send(this.batch);
		assertThat(this.sink.stats().failed()).isEqualTo(5);
		assertThat(this.sink.stats().lastError()).startsWith("send failed: IllegalStateException");
	}

	@Test
	void shouldConfigureTheProducerForNoLossAndThroughput() {
		Map<String, Object> config = KafkaEventSink.producerConfig(new KafkaSinkProperties("127.0.0.1:9092", "events"));
		assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
			.containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
			.containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
			.containsEntry(ProducerConfig.LINGER_MS_CONFIG, 10)
			.containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 262_144)
			.containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000)
			.containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
	}

	@Test
	void shouldExplainABootstrapAddressThatCannotBeUsed() {
		assertThatExceptionOfType(SinkException.class)
			.isThrownBy(() -> KafkaEventSink.create(new KafkaSinkProperties("no-port-here", "events")))
			.withMessageStartingWith("cannot create a Kafka producer for 'no-port-here': ");
	}

}
