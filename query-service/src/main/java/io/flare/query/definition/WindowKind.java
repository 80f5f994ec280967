package io.flare.query.definition;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a window's buckets make a result.
 */
public enum WindowKind {

	/** One value per bucket (a time series over the window). */
	TUMBLING("tumbling"),

	/** One value over the whole window, which slides by one bucket. */
	SLIDING("sliding");

	private final String text;

	WindowKind(String text) {
		this.text = text;
	}

	@JsonValue
	public String text() {
		return this.text;
	}

	/**
	 * Reads {@code tumbling} or {@code sliding}.
	 * @throws IllegalArgumentException naming the accepted values
	 */
	@JsonCreator
	public static WindowKind of(String text) {
		return Arrays.stream(values())
			.filter((kind) -> kind.text.equals(text))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"window.kind must be one of tumbling, sliding, was '" + text + "'"));
	}

}
