package io.flare.ingest.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.flare.ingest.IngestMetrics;
import io.flare.ingest.auth.ApiKey;
import io.flare.ingest.validation.BatchItem;
import io.flare.ingest.validation.EventValidator;
import io.flare.ingest.validation.FieldError;
import io.flare.ingest.validation.RejectCode;
import io.flare.ingest.validation.Validated;
import io.flare.model.Event;

/**
 * Validates every element of a batch and checks the caller's key may write each event's
 * source; an event of another source is rejected (the rest of the batch goes on).
 */
final class BatchValidator {

	private static final int MAX_ID_ECHO = 128;

	private final EventValidator validator;

	private final IngestMetrics metrics;

	BatchValidator(EventValidator validator, IngestMetrics metrics) {
		this.validator = validator;
		this.metrics = metrics;
	}

	ValidatedBatch validate(List<BatchItem> items, ApiKey key, Instant now) {
		List<Event> accepted = new ArrayList<>(items.size());
		List<EventError> errors = new ArrayList<>();
		Map<String, Integer> bySource = new HashMap<>();
		int rejected = 0;
		for (int index = 0; index < items.size(); index++) {
			BatchItem item = items.get(index);
			List<FieldError> problems = problems(item, key, now, accepted);
			if (problems.isEmpty()) {
				bySource.merge(accepted.get(accepted.size() - 1).source(), 1, Integer::sum);
				continue;
			}
			rejected++;
			String eventId = idOf(item.node());
			for (FieldError problem : problems) {
				errors.add(new EventError(index, eventId, problem.field(), problem.code().tag(), problem.reason()));
			}
			this.metrics.rejected(IngestMetrics.HTTP, sourceTag(item.node(), key), problems.get(0).code(), 1);
		}
		return new ValidatedBatch(accepted, errors, rejected, bySource);
	}

	private List<FieldError> problems(BatchItem item, ApiKey key, Instant now, List<Event> accepted) {
		if (item.error() != null) {
			return List.of(item.error());
		}
		Validated validated = this.validator.validate(item.node(), now);
		Event event = validated.event();
		if (event == null) {
			return validated.errors();
		}
		if (!key.allows(event.source())) {
			return List.of(new FieldError("source", RejectCode.SOURCE_NOT_ALLOWED,
					"source '" + event.source() + "' is not allowed for this API key (allowed: "
							+ String.join(", ", new TreeSet<>(key.sources())) + ")"));
		}
		accepted.add(event);
		return List.of();
	}

	private static @Nullable String idOf(@Nullable JsonNode node) {
		JsonNode id = (node != null && node.isObject()) ? node.get("eventId") : null;
		if (id != null && id.isString() && id.stringValue().length() <= MAX_ID_ECHO) {
			return id.stringValue();
		}
		return null;
	}

	/** A rejected event's source for the metric tag: only sources the key may write. */
	private static String sourceTag(@Nullable JsonNode node, ApiKey key) {
		JsonNode source = (node != null && node.isObject()) ? node.get("source") : null;
		if (source != null && source.isString() && key.allows(source.stringValue())) {
			return source.stringValue();
		}
		return IngestMetrics.UNKNOWN_SOURCE;
	}

	/**
	 * A validated batch.
	 *
	 * @param accepted the normalised events to publish, in batch order
	 * @param errors every error of the rejected events
	 * @param rejected how many events were rejected
	 * @param bySource how many accepted events each source has
	 */
	record ValidatedBatch(List<Event> accepted, List<EventError> errors, int rejected, Map<String, Integer> bySource) {

	}

}
