package io.flare.ingest.validation;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.flare.model.Event;

/**
 * The outcome of validating one event: the normalised event, or every reason it was
 * rejected.
 *
 * @param event the normalised event, or {@code null} when rejected
 * @param errors every reason it was rejected; empty when accepted
 */
public record Validated(@Nullable Event event, List<FieldError> errors) {

	public Validated {
		errors = List.copyOf(errors);
		if ((event == null) == errors.isEmpty()) {
			throw new IllegalArgumentException("exactly one of event and errors must be given");
		}
	}

	static Validated accepted(Event event) {
		return new Validated(event, List.of());
	}

	static Validated rejected(List<FieldError> errors) {
		return new Validated(null, errors);
	}

	/** A rejection for one reason. */
	public static Validated rejected(String field, RejectCode code, String reason) {
		return new Validated(null, List.of(new FieldError(field, code, reason)));
	}

	public boolean isAccepted() {
		return this.event != null;
	}

}
