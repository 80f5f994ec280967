package io.flare.simulator.json;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.flare.simulator.generate.EventGenerator;
import io.flare.simulator.generate.GeneratedEvent;
import io.flare.simulator.generate.GeneratedLocation;
import io.flare.simulator.generate.GeneratorProperties;
import io.flare.simulator.generate.TestClocks;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonEncoderTests {

	private static final List<String> CONTRACT_FIELDS = List.of("eventId", "source", "category", "type", "entityId",
			"eventTime", "location", "value", "attributes");

	private final ObjectMapper mapper = new ObjectMapper();

	private final EventJsonEncoder encoder = new EventJsonEncoder();

	@Test
	void shouldWriteExactlyTheFieldsOfTheEventContract() throws Exception {
		JsonNode json = this.mapper.readTree(this.encoder.encode(sample()));
		assertThat(fieldNames(json)).containsExactlyElementsOf(CONTRACT_FIELDS);
		assertThat(fieldNames(json.get("location"))).containsExactly("country", "region", "city", "lat", "lon");
		assertThat(json.get("eventTime").isIntegralNumber()).isTrue();
		assertThat(json.get("value").isNumber()).isTrue();
	}

	@Test
	void shouldRoundTripGeneratedEventsThroughJackson() throws Exception {
		EventGenerator generator = new EventGenerator(GeneratorProperties.defaults(8), TestClocks.ticking(1_000_000));
		for (GeneratedEvent event : generator.next(5_000)) {
			assertThat(decode(this.mapper.readTree(this.encoder.encode(event)))).isEqualTo(event);
		}
	}

	@Test
	void shouldEscapeQuotesAndKeepNonAsciiText() throws Exception {
		GeneratedEvent event = sample();
		byte[] json = this.encoder.encode(event);
		assertThat(new String(json, StandardCharsets.UTF_8)).contains("São Paulo").contains("\\\"quoted\\\"");
		assertThat(decode(this.mapper.readTree(json))).isEqualTo(event);
	}

	@Test
	void shouldWriteNdjsonWithOneObjectPerLine() throws Exception {
		List<GeneratedEvent> batch = List.of(sample(), sample(), sample());
		String ndjson = new String(this.encoder.encodeNdjson(batch), StandardCharsets.UTF_8);
		assertThat(ndjson).endsWith("}\n").doesNotStartWith(" ");
		String[] lines = ndjson.split("\n");
		assertThat(lines).hasSize(3);
		for (String line : lines) {
			assertThat(decode(this.mapper.readTree(line))).isEqualTo(sample());
		}
	}

	@Test
	void shouldWriteAJsonArrayBatch() throws Exception {
		List<GeneratedEvent> batch = List.of(sample(), sample());
		JsonNode array = this.mapper.readTree(this.encoder.encodeArray(batch));
		assertThat(array.isArray()).isTrue();
		assertThat(array).hasSize(2).allSatisfy((node) -> assertThat(decode(node)).isEqualTo(sample()));
		assertThat(this.encoder.encodeArray(List.of())).asString(StandardCharsets.UTF_8).isEqualTo("[]");
	}

	private static GeneratedEvent sample() {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("tier", "vip");
		attributes.put("note", "\"quoted\"");
		return new GeneratedEvent("gatepass-0000abcd-1", "gatepass", "tickets", "drop", "show-000001",
				1_767_225_600_123L, new GeneratedLocation("BR", "São Paulo", "São Paulo", -23.5505, -46.6333), 49.5,
				attributes);
	}

	private static GeneratedEvent decode(JsonNode json) {
		JsonNode location = json.get("location");
		Map<String, String> attributes = new LinkedHashMap<>();
		json.get("attributes")
			.properties()
			.forEach((entry) -> attributes.put(entry.getKey(), entry.getValue().textValue()));
		return new GeneratedEvent(json.get("eventId").textValue(), json.get("source").textValue(),
				json.get("category").textValue(), json.get("type").textValue(), json.get("entityId").textValue(),
				json.get("eventTime").longValue(),
				new GeneratedLocation(location.get("country").textValue(), location.get("region").textValue(),
						location.get("city").textValue(), location.get("lat").doubleValue(),
						location.get("lon").doubleValue()),
				json.get("value").doubleValue(), attributes);
	}

	private static List<String> fieldNames(JsonNode node) {
		return node.properties().stream().map(Map.Entry::getKey).toList();
	}

}
