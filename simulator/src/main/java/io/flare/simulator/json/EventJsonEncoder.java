package io.flare.simulator.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import io.flare.simulator.generate.GeneratedEvent;
import io.flare.simulator.generate.GeneratedLocation;

/**
 * Writes events as JSON with exactly the fields of the event contract: eventId, source,
 * category, type, entityId, eventTime (epoch millis), location, value, attributes.
 * <p>
 * Reuses one buffer, so an encoder is not thread-safe: use one per thread.
 */
public final class EventJsonEncoder {

	private static final JsonFactory FACTORY = JsonFactory.builder()
		.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
		.build();

	private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);

	/**
	 * One event as a JSON object.
	 * @param event the event
	 * @return UTF-8 JSON
	 */
	public byte[] encode(GeneratedEvent event) {
		this.buffer.reset();
		try (JsonGenerator json = FACTORY.createGenerator(this.buffer, JsonEncoding.UTF8)) {
			write(json, event);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this.buffer.toByteArray();
	}

	/**
	 * A batch as NDJSON: one object per line, each line ending with a newline.
	 * @param events the events
	 * @return UTF-8 NDJSON
	 */
	public byte[] encodeNdjson(List<GeneratedEvent> events) {
		this.buffer.reset();
		try (JsonGenerator json = FACTORY.createGenerator(this.buffer, JsonEncoding.UTF8)) {
			json.setRootValueSeparator(null);
			for (GeneratedEvent event : events) {
				write(json, event);
				json.writeRaw('\n');
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this.buffer.toByteArray();
	}

	/**
	 * A batch as one JSON array.
	 * @param events the events
	 * @return UTF-8 JSON
	 */
	public byte[] encodeArray(List<GeneratedEvent> events) {
		this.buffer.reset();
		try (JsonGenerator json = FACTORY.createGenerator(this.buffer, JsonEncoding.UTF8)) {
			json.writeStartArray();
			for (GeneratedEvent event : events) {
				write(json, event);
			}
			json.writeEndArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this.buffer.toByteArray();
	}

	private static void write(JsonGenerator json, GeneratedEvent event) throws IOException {
		json.writeStartObject();
		json.writeStringField("eventId", event.eventId());
		json.writeStringField("source", event.source());
		json.writeStringField("category", event.category());
		json.writeStringField("type", event.type());
		json.writeStringField("entityId", event.entityId());
		json.writeNumberField("eventTime", event.eventTime());
		writeLocation(json, event.location());
		json.writeNumberField("value", event.value());
		json.writeObjectFieldStart("attributes");
		for (Map.Entry<String, String> attribute : event.attributes().entrySet()) {
			json.writeStringField(attribute.getKey(), attribute.getValue());
		}
		json.writeEndObject();
		json.writeEndObject();
	}

	private static void writeLocation(JsonGenerator json, GeneratedLocation location) throws IOException {
		json.writeObjectFieldStart("location");
		json.writeStringField("country", location.country());
		json.writeStringField("region", location.region());
		json.writeStringField("city", location.city());
		json.writeNumberField("lat", location.lat());
		json.writeNumberField("lon", location.lon());
		json.writeEndObject();
	}

}
