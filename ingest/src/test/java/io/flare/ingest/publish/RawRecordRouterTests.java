package io.flare.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.flare.ingest.IngestMetrics;
import io.flare.ingest.validation.BatchReader;
import io.flare.ingest.validation.EventValidator;
import io.flare.ingest.validation.ValidationProperties;

import static org.assertj.core.api.Assertions.assertThat;

class RawRecordRouterTests {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final RawRecordRouter router = new RawRecordRouter(new BatchReader(1, 65_536),
			new EventValidator(ValidationProperties.defaults()), "events", "events-dlq",
			Clock.fixed(NOW, ZoneOffset.UTC), new IngestMetrics(this.meters));

	@Test
	void shouldRouteValidEventToEventsKeyedByItsId() {
		ProducerRecord<byte[], byte[]> out = this.router.route(record(event("\"eventTime\":" + NOW.toEpochMilli())));

		assertThat(out.topic()).isEqualTo("events");
		assertThat(text(out.key())).isEqualTo("r-1");
		assertThat(text(out.value())).contains("\"location\":{\"country\":\"FR\"}");
		assertThat(this.meters.get("flare.ingest.events.accepted").tag("path", "kafka").counter().count()).isEqualTo(1);
	}

	@Test
	void shouldDeadLetterInvalidEventWithReasonsAndOrigin() {
		ConsumerRecord<byte[], byte[]> in = record(event("\"eventTime\":\"2020-01-01T00:00:00Z\""));

		ProducerRecord<byte[], byte[]> out = this.router.route(in);

		assertThat(out.topic()).isEqualTo("events-dlq");
		assertThat(out.value()).isEqualTo(in.value());
		assertThat(out.key()).isEqualTo(in.key());
		assertThat(header(out, "flare.error.field")).isEqualTo("eventTime");
		assertThat(header(out, "flare.error.reason")).startsWith("eventTime must be within the retention of PT168H");
		assertThat(header(out, "flare.error.code")).isEqualTo("too_old");
		assertThat(header(out, "flare.original.topic")).isEqualTo("events-raw");
		assertThat(header(out, "flare.original.partition")).isEqualTo("3");
		assertThat(header(out, "flare.original.offset")).isEqualTo("42");
		assertThat(header(out, "trace")).isEqualTo("t-1");
		assertThat(this.meters.get("flare.ingest.events.rejected").tag("reason", "too_old").counter().count())
			.isEqualTo(1);
	}

	@Test
	void shouldDeadLetterMalformedJson() {
		ProducerRecord<byte[], byte[]> out = this.router.route(record("{not json"));

		assertThat(out.topic()).isEqualTo("events-dlq");
		assertThat(header(out, "flare.error.field")).isEqualTo("$");
		assertThat(header(out, "flare.error.code")).isEqualTo("malformed_json");
	}

	@Test
	void shouldDeadLetterRecordWithoutValue() {
		ConsumerRecord<byte[], byte[]> tombstone = new ConsumerRecord<>("events-raw", 0, 7, null, null);

		ProducerRecord<byte[], byte[]> out = this.router.route(tombstone);

		assertThat(out.topic()).isEqualTo("events-dlq");
		assertThat(header(out, "flare.error.reason")).isEqualTo("$ the record has no value");
	}

	@Test
	void shouldJoinEveryErrorOfAnEvent() {
		String json = "{\"source\":\"s\",\"category\":\"c\",\"type\":\"t\",\"eventTime\":\"later\",\"location\":{\"country\":\"QQ\"}}";

		ProducerRecord<byte[], byte[]> out = this.router.route(record(json));

		assertThat(header(out, "flare.error.field")).isEqualTo("entityId,eventTime,location.country");
		assertThat(header(out, "flare.error.reason")).contains("entityId is required; eventTime must be");
	}

	private static String event(String time) {
		return "{\"eventId\":\"r-1\",\"source\":\"kafka-src\",\"category\":\"news\",\"type\":\"headline\","
				+ "\"entityId\":\"story-1\"," + time + ",\"location\":{\"country\":\"fr\"}}";
	}

	private static ConsumerRecord<byte[], byte[]> record(String value) {
		ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("events-raw", 3, 42,
				"k".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
		record.headers().add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
		return record;
	}

	private static String header(ProducerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? text(header.value()) : null;
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
