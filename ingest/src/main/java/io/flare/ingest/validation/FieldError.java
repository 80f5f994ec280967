package io.flare.ingest.validation;

/**
 * One reason an event was rejected.
 *
 * @param field the JSON path of the offending field within the event, e.g.
 * {@code location.country}, or {@code $} for the event as a whole
 * @param code the machine-readable reason
 * @param reason the human-readable reason, naming the rule and the value
 */
public record FieldError(String field, RejectCode code, String reason) {

	/** The path used for problems with the event as a whole. */
	public static final String WHOLE_EVENT = "$";

}
