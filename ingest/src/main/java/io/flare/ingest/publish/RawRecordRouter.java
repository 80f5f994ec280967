package io.flare.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.flare.ingest.IngestMetrics;
import io.flare.ingest.validation.BatchItem;
import io.flare.ingest.validation.BatchReader;
import io.flare.ingest.validation.EventJson;
import io.flare.ingest.validation.EventValidator;
import io.flare.ingest.validation.FieldError;
import io.flare.ingest.validation.RejectCode;
import io.flare.ingest.validation.Validated;
import io.flare.model.Event;

/**
 * Decides where one raw record goes: its normalised event to the events topic (key
 * eventId), or the original record to the dead-letter topic with the reasons in headers.
 * Applies the same rules as the HTTP path.
 */
final class RawRecordRouter {

	private static final int MAX_SOURCE_TAG = 64;

	private final BatchReader reader;

	private final EventValidator validator;

	private final String eventsTopic;

	private final String deadLetterTopic;

	private final Clock clock;

	private final IngestMetrics metrics;

	RawRecordRouter(BatchReader reader, EventValidator validator, String eventsTopic, String deadLetterTopic,
			Clock clock, IngestMetrics metrics) {
		this.reader = reader;
		this.validator = validator;
		this.eventsTopic = eventsTopic;
		this.deadLetterTopic = deadLetterTopic;
		this.clock = clock;
		this.metrics = metrics;
	}

	/** Where the record goes; never null. */
	ProducerRecord<byte[], byte[]> route(ConsumerRecord<byte[], byte[]> record) {
		if (record.value() == null || record.value().length == 0) {
			return deadLetter(record, null, List
				.of(new FieldError(FieldError.WHOLE_EVENT, RejectCode.MALFORMED_JSON, "the record has no value")));
		}
		BatchItem item = this.reader.readOne(record.value());
		if (item.error() != null) {
			return deadLetter(record, null, List.of(item.error()));
		}
		JsonNode node = Objects.requireNonNull(item.node());
		Validated validated = this.validator.validate(node, this.clock.instant());
		Event event = validated.event();
		if (event == null) {
			return deadLetter(record, node, validated.errors());
		}
		this.metrics.accepted(IngestMetrics.KAFKA, event.source(), 1);
		return new ProducerRecord<>(this.eventsTopic, event.eventId().getBytes(StandardCharsets.UTF_8),
				EventJson.write(event));
	}

	private ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> record, @Nullable JsonNode node,
			List<FieldError> errors) {
		this.metrics.rejected(IngestMetrics.KAFKA, claimedSource(node), errors.get(0).code(), 1);
		ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(this.deadLetterTopic, null, record.key(),
				record.value());
		Headers headers = dead.headers();
		record.headers().forEach(headers::add);
		headers.add(DeadLetterHeaders.FIELD,
				bytes(errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(","))));
		headers.add(DeadLetterHeaders.REASON,
				bytes(errors.stream().map((e) -> e.field() + " " + e.reason()).collect(Collectors.joining("; "))));
		headers.add(DeadLetterHeaders.CODE, bytes(errors.get(0).code().tag()));
		headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, bytes(record.topic()));
		headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, bytes(Integer.toString(record.partition())));
		headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, bytes(Long.toString(record.offset())));
		return dead;
	}

	/**
	 * The source a rejected record claims, for the metric tag (Kafka producers are
	 * trusted).
	 */
	private static String claimedSource(@Nullable JsonNode node) {
		JsonNode source = (node != null && node.isObject()) ? node.get("source") : null;
		if (source != null && source.isString() && !source.stringValue().isBlank()
				&& source.stringValue().length() <= MAX_SOURCE_TAG) {
			return source.stringValue();
		}
		return IngestMetrics.UNKNOWN_SOURCE;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
