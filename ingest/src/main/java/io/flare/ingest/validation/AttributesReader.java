package io.flare.ingest.validation;

import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the optional {@code attributes}: an object of strings, bounded in count and size.
 */
final class AttributesReader {

	private static final String FIELD = "attributes";

	/** Quotes, colon and comma around each entry in JSON. */
	private static final int ENTRY_OVERHEAD = 6;

	private final ValidationProperties properties;

	AttributesReader(ValidationProperties properties) {
		this.properties = properties;
	}

	/** The attributes sorted by name (so the canonical JSON is stable), or null. */
	@Nullable Map<String, String> read(@Nullable JsonNode node, Errors errors) {
		if (node == null || EventValidator.isAbsent(node)) {
			return Map.of();
		}
		if (!node.isObject()) {
			errors.add(FIELD, RejectCode.WRONG_TYPE, "must be an object of strings but was " + Strings.describe(node));
			return null;
		}
		if (node.size() > this.properties.maxAttributes()) {
			errors.add(FIELD, RejectCode.TOO_MANY,
					"must have at most " + this.properties.maxAttributes() + " entries but had " + node.size());
			return null;
		}
		int before = errors.size();
		Map<String, String> attributes = new TreeMap<>();
		long jsonLength = 2;
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			String name = entry.getKey();
			String value = entry(name, entry.getValue(), errors);
			if (value != null) {
				attributes.put(name, value);
				jsonLength += name.length() + value.length() + ENTRY_OVERHEAD;
			}
		}
		if (errors.size() != before) {
			return null;
		}
		if (jsonLength > this.properties.maxAttributesJsonLength()) {
			errors.add(FIELD, RejectCode.TOO_LONG, "must be at most " + this.properties.maxAttributesJsonLength()
					+ " characters as JSON but was about " + jsonLength);
			return null;
		}
		return attributes;
	}

	private @Nullable String entry(String name, JsonNode value, Errors errors) {
		if (name.isEmpty() || name.length() > this.properties.maxAttributeNameLength()) {
			errors.add(FIELD, RejectCode.TOO_LONG, "names must be 1 to " + this.properties.maxAttributeNameLength()
					+ " characters but one was " + name.length());
			return null;
		}
		return Strings.read(value, FIELD + "." + name, this.properties.maxAttributeValueLength(), errors);
	}

}
