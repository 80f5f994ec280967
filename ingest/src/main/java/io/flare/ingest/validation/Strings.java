package io.flare.ingest.validation;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads bounded string fields. */
final class Strings {

	private final int maxLength;

	Strings(int maxLength) {
		this.maxLength = maxLength;
	}

	@Nullable String required(JsonNode parent, String field, Errors errors) {
		JsonNode node = parent.get(field);
		if (EventValidator.isAbsent(node)) {
			errors.add(field, RejectCode.MISSING, "is required");
			return null;
		}
		return read(node, field, this.maxLength, errors);
	}

	@Nullable String optional(JsonNode parent, String field, Errors errors) {
		return optional(parent, field, this.maxLength, errors);
	}

	@Nullable String optional(JsonNode parent, String field, int max, Errors errors) {
		return optionalAt(parent.get(field), field, max, errors);
	}

	@Nullable String optionalAt(@Nullable JsonNode node, String path, Errors errors) {
		return optionalAt(node, path, this.maxLength, errors);
	}

	private @Nullable String optionalAt(@Nullable JsonNode node, String path, int max, Errors errors) {
		if (node == null || EventValidator.isAbsent(node)) {
			return null;
		}
		return read(node, path, max, errors);
	}

	static @Nullable String read(JsonNode node, String path, int max, Errors errors) {
		if (!node.isString()) {
			errors.add(path, RejectCode.WRONG_TYPE, "must be a string but was " + describe(node));
			return null;
		}
		String value = node.stringValue();
		if (value.isBlank()) {
			errors.add(path, RejectCode.BLANK, "must not be blank");
			return null;
		}
		if (value.length() > max) {
			errors.add(path, RejectCode.TOO_LONG, "must be at most " + max + " characters but was " + value.length());
			return null;
		}
		return value;
	}

	/** The JSON type of a node, for messages. */
	static String describe(JsonNode node) {
		if (node.isObject()) {
			return "an object";
		}
		if (node.isArray()) {
			return "an array";
		}
		if (node.isString()) {
			return "a string";
		}
		if (node.isNumber()) {
			return "a number";
		}
		if (node.isBoolean()) {
			return "a boolean";
		}
		return "null";
	}

}
