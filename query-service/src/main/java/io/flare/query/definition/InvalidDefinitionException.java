package io.flare.query.definition;

import java.util.List;

/**
 * A definition was rejected; {@link #errors()} lists every problem found, each starting
 * with the field it is about.
 */
public class InvalidDefinitionException extends RuntimeException {

	private final List<String> errors;

	public InvalidDefinitionException(String subject, List<String> errors) {
		super(subject + " is invalid: " + String.join("; ", errors));
		this.errors = List.copyOf(errors);
	}

	public List<String> errors() {
		return this.errors;
	}

}
