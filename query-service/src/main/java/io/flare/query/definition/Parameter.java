package io.flare.query.definition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A parameter a metric's filters refer to as {@code ${name}}.
 *
 * @param defaultValue the value used when a request does not give one; without it the
 * parameter is required
 * @param description what it means, for people
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Parameter(@JsonProperty("default") @Nullable String defaultValue, @Nullable String description) {

	/** A parameter with a default. */
	public static Parameter withDefault(String defaultValue) {
		return new Parameter(defaultValue, null);
	}

	/** A parameter every request must give. */
	public static Parameter required() {
		return new Parameter(null, null);
	}

}
