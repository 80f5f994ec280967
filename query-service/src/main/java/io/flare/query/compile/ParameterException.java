package io.flare.query.compile;

import java.util.List;

/**
 * A request's parameters do not fit the metric: unknown, missing or of the wrong type;
 * {@link #errors()} lists every problem.
 */
public class ParameterException extends RuntimeException {

	private final List<String> errors;

	public ParameterException(List<String> errors) {
		super("Invalid parameters: " + String.join("; ", errors));
		this.errors = List.copyOf(errors);
	}

	public List<String> errors() {
		return this.errors;
	}

}
