package io.flare.ingest.validation;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import io.flare.model.Event;
import io.flare.model.Location;

/**
 * Writes a normalised event as the nested JSON of the contract, which is what the
 * {@code events} topic carries and Pinot's table decodes: fields in a fixed order, absent
 * values omitted, attributes sorted by name, event time in epoch milliseconds. The output
 * is canonical: equal events give equal bytes.
 */
public final class EventJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private EventJson() {
	}

	/** The event's JSON, UTF-8. */
	public static byte[] write(Event event) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(384);
		try (JsonGenerator json = MAPPER.createGenerator(out)) {
			json.writeStartObject();
			if (!event.eventId().isEmpty()) {
				json.writeStringProperty("eventId", event.eventId());
			}
			json.writeStringProperty("source", event.source());
			json.writeStringProperty("category", event.category());
			json.writeStringProperty("type", event.type());
			json.writeStringProperty("entityId", event.entityId());
			json.writeNumberProperty("eventTime", event.eventTime());
			if (event.location() != null) {
				writeLocation(json, event.location());
			}
			if (event.value() != null) {
				json.writeNumberProperty("value", event.value());
			}
			writeAttributes(json, event.attributes());
			json.writeEndObject();
		}
		return out.toByteArray();
	}

	private static void writeLocation(JsonGenerator json, Location location) {
		json.writeObjectPropertyStart("location");
		writeIfPresent(json, "country", location.country());
		writeIfPresent(json, "region", location.region());
		writeIfPresent(json, "city", location.city());
		if (location.lat() != null) {
			json.writeNumberProperty("lat", location.lat());
		}
		if (location.lon() != null) {
			json.writeNumberProperty("lon", location.lon());
		}
		json.writeEndObject();
	}

	private static void writeAttributes(JsonGenerator json, Map<String, String> attributes) {
		json.writeObjectPropertyStart("attributes");
		String[] names = attributes.keySet().toArray(String[]::new);
		Arrays.sort(names);
		for (String name : names) {
			json.writeStringProperty(name, attributes.get(name));
		}
		json.writeEndObject();
	}

	private static void writeIfPresent(JsonGenerator json, String name, String value) {
		if (value != null) {
			json.writeStringProperty(name, value);
		}
	}

}
