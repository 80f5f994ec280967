package io.flare.ingest.validation;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads optional finite numbers. */
final class Numbers {

	private Numbers() {
	}

	static @Nullable Double optionalFinite(@Nullable JsonNode node, String path, Errors errors) {
		if (node == null || EventValidator.isAbsent(node)) {
			return null;
		}
		if (!node.isNumber()) {
			errors.add(path, RejectCode.WRONG_TYPE, "must be a number but was " + Strings.describe(node));
			return null;
		}
		double value = node.doubleValue();
		if (!Double.isFinite(value)) {
			errors.add(path, RejectCode.INVALID_VALUE, "must be a finite number");
			return null;
		}
		return value;
	}

	static @Nullable Double optionalWithin(@Nullable JsonNode node, String path, int bound, Errors errors) {
		int before = errors.size();
		Double value = optionalFinite(node, path, errors);
		if (value != null && !(value >= -bound && value <= bound)) {
			errors.add(path, RejectCode.INVALID_VALUE,
					"must be within [-" + bound + ", " + bound + "] but was " + value);
			return null;
		}
		return (errors.size() == before) ? value : null;
	}

}
