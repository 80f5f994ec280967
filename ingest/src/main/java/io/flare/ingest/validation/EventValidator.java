package io.flare.ingest.validation;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.flare.model.Event;
import io.flare.model.Location;

/**
 * Validates and normalises one event of the contract (see DESIGN.md): required fields and
 * types, event-time bounds, ISO country codes, bounded strings and attributes. Derives a
 * stable {@code eventId} when none is given. Thread-safe and free of I/O.
 */
public final class EventValidator {

	private static final Set<String> FIELDS = Set.of("eventId", "source", "category", "type", "entityId", "eventTime",
			"location", "value", "attributes");

	private final ValidationProperties properties;

	private final Strings strings;

	private final EventTimes times;

	private final LocationReader locations;

	private final AttributesReader attributes;

	public EventValidator(ValidationProperties properties) {
		this.properties = properties;
		this.strings = new Strings(properties.maxStringLength());
		this.times = new EventTimes(properties.maxFuture(), properties.retention());
		this.locations = new LocationReader(this.strings);
		this.attributes = new AttributesReader(properties);
	}

	public ValidationProperties properties() {
		return this.properties;
	}

	/**
	 * Validates one element of a batch.
	 * @param node the element as parsed
	 * @param now the clock reading the event-time bounds are relative to
	 * @return the normalised event, or every reason to reject it
	 */
	public Validated validate(JsonNode node, Instant now) {
		if (!node.isObject()) {
			return Validated.rejected(FieldError.WHOLE_EVENT, RejectCode.NOT_AN_OBJECT,
					"must be a JSON object but was " + Strings.describe(node));
		}
		Errors errors = new Errors();
		rejectUnknownFields(node, errors);
		String eventId = this.strings.optional(node, "eventId", Event.MAX_EVENT_ID_LENGTH, errors);
		String source = this.strings.required(node, "source", errors);
		String category = this.strings.required(node, "category", errors);
		String type = this.strings.required(node, "type", errors);
		String entityId = this.strings.required(node, "entityId", errors);
		Long eventTime = this.times.read(node.get("eventTime"), now, errors);
		Location location = this.locations.read(node.get("location"), errors);
		Double value = Numbers.optionalFinite(node.get("value"), "value", errors);
		Map<String, String> attrs = this.attributes.read(node.get("attributes"), errors);
		if (!errors.isEmpty()) {
			return Validated.rejected(errors.list());
		}
		Event event = new Event((eventId != null) ? eventId : "", source, category, type, entityId, eventTime, location,
				value, attrs);
		return Validated.accepted((eventId != null) ? event : EventIds.withDerivedId(event));
	}

	private static void rejectUnknownFields(JsonNode node, Errors errors) {
		for (String name : node.propertyNames()) {
			if (!FIELDS.contains(name)) {
				errors.add(Errors.truncate(name), RejectCode.UNKNOWN_FIELD,
						"is not a field of the event contract (allowed: " + String.join(", ", sorted(FIELDS)) + ")");
			}
		}
	}

	static String[] sorted(Set<String> names) {
		return names.stream().sorted().toArray(String[]::new);
	}

	/** Null-safe access used by the readers: absent and JSON null mean the same. */
	static boolean isAbsent(@Nullable JsonNode node) {
		return node == null || node.isNull() || node.isMissingNode();
	}

}
