package io.flare.infra.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Jackson set-up and small accessors for the loosely typed Pinot JSON.
 */
final class Json {

	/** Strict: duplicate keys and trailing content are errors in hand-edited files. */
	static final ObjectMapper MAPPER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private Json() {
	}

	static Optional<String> text(JsonNode node, String... path) {
		JsonNode value = at(node, path);
		return (value.isValueNode() && !value.isNull()) ? Optional.of(value.asText()) : Optional.empty();
	}

	static List<String> texts(JsonNode node, String... path) {
		List<String> values = new ArrayList<>();
		at(node, path).forEach((element) -> values.add(element.asText()));
		return values;
	}

	static JsonNode at(JsonNode node, String... path) {
		JsonNode current = node;
		for (String name : path) {
			current = current.path(name);
		}
		return current;
	}

}
