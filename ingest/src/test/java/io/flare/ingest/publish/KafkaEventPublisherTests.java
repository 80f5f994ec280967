package io.flare.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.util.unit.DataSize;

import io.flare.model.Event;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaEventPublisherTests {

	private final MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(),
			new ByteArraySerializer());

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final KafkaEventPublisher publisher = new KafkaEventPublisher(this.producer, properties(),
			Schedulers.immediate(), this.meters);

	@Test
	void shouldCompleteOnlyAfterKafkaAcknowledgedEveryEvent() {
		CompletableFuture<Void> done = this.publisher.publish(events(3)).toFuture();

		this.producer.completeNext();
		this.producer.completeNext();
		assertThat(done).isNotDone();
		this.producer.completeNext();

		assertThat(done).isCompleted();
		assertThat(this.meters.get("flare.ingest.kafka.send").timer().count()).isEqualTo(1);
	}

	@Test
	void shouldKeyByEventIdAndSendNormalisedJson() {
		this.publisher.publish(events(1)).toFuture();
		this.producer.completeNext();

		assertThat(this.producer.history()).singleElement().satisfies((record) -> {
			assertThat(record.topic()).isEqualTo("events");
			assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("id-0");
			assertThat(new String(record.value(), StandardCharsets.UTF_8)).startsWith("{\"eventId\":\"id-0\",")
				.contains("\"attributes\":{}");
		});
	}

	@Test
	void shouldFailTheBatchWhenOneEventIsNotAcknowledged() {
		StepVerifier.create(this.publisher.publish(events(3))).then(() -> {
			this.producer.completeNext();
			this.producer.errorNext(new TimeoutException("Expiring 1 record(s)"));
			this.producer.completeNext();
		}).expectErrorSatisfies((ex) -> {
			PublishException failure = (PublishException) ex;
			assertThat(failure.isRetriable()).isTrue();
			assertThat(failure.failed()).isEqualTo(1);
			assertThat(failure).hasMessage("1 of 3 events were not acknowledged by Kafka: Expiring 1 record(s)");
		}).verify(Duration.ofSeconds(5));
	}

	@Test
	void shouldReportPermanentFailuresAsNotRetriable() {
		StepVerifier.create(this.publisher.publish(events(1)))
			.then(() -> this.producer.errorNext(new RecordTooLargeException("too large")))
			.expectErrorSatisfies((ex) -> assertThat(((PublishException) ex).isRetriable()).isFalse())
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void shouldFailEveryEventWhenTheProducerRefusesToSend() {
		this.producer.close();

		StepVerifier.create(this.publisher.publish(events(4)))
			.expectErrorSatisfies((ex) -> assertThat(((PublishException) ex).failed()).isEqualTo(4))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void shouldFailTheBatchWhenKafkaNeverAnswers() {
		StepVerifier.withVirtualTime(() -> this.publisher.publish(events(2)))
			.expectSubscription()
			.thenAwait(properties().batchTimeout())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(PublishException.class)
				.hasMessage("Kafka did not acknowledge the batch within PT4S"))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void shouldCompleteAnEmptyBatchAtOnce() {
		StepVerifier.create(this.publisher.publish(List.of())).verifyComplete();
	}

	static PublishProperties properties() {
		return new PublishProperties("events", Duration.ofMillis(5), DataSize.ofKilobytes(256), "lz4",
				Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1), DataSize.ofMegabytes(32),
				Duration.ofSeconds(5));
	}

	static List<Event> events(int count) {
		return java.util.stream.IntStream.range(0, count)
			.mapToObj((i) -> new Event("id-" + i, "s", "c", "t", "e", 1L, null, null, Map.of()))
			.toList();
	}

}
