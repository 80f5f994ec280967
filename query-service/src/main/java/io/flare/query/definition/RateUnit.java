package io.flare.query.definition;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The time unit of a rate.
 */
public enum RateUnit {

	/** Per second. */
	SECOND("second", 1_000),

	/** Per minute. */
	MINUTE("minute", 60_000);

	private final String text;

	private final long millis;

	RateUnit(String text, long millis) {
		this.text = text;
		this.millis = millis;
	}

	@JsonValue
	public String text() {
		return this.text;
	}

	public long millis() {
		return this.millis;
	}

	/**
	 * Reads {@code second} or {@code minute}.
	 * @throws IllegalArgumentException naming the accepted values
	 */
	@JsonCreator
	public static RateUnit of(String text) {
		return Arrays.stream(values())
			.filter((unit) -> unit.text.equals(text))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"measure.per must be one of second, minute, was '" + text + "'"));
	}

}
