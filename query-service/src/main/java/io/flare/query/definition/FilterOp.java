package io.flare.query.definition;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A filter's comparison.
 */
public enum FilterOp {

	/** Equal to {@code value}. */
	EQ("eq"),

	/** One of {@code values}. */
	IN("in"),

	/**
	 * At least {@code min} (inclusive) and below {@code max} (exclusive); either may be
	 * absent.
	 */
	RANGE("range");

	private final String text;

	FilterOp(String text) {
		this.text = text;
	}

	@JsonValue
	public String text() {
		return this.text;
	}

	/**
	 * Reads {@code eq}, {@code in} or {@code range}.
	 * @throws IllegalArgumentException naming the accepted values
	 */
	@JsonCreator
	public static FilterOp of(String text) {
		return Arrays.stream(values())
			.filter((op) -> op.text.equals(text))
			.findFirst()
			.orElseThrow(
					() -> new IllegalArgumentException("filter op must be one of eq, in, range, was '" + text + "'"));
	}

}
