package io.flare.ingest.validation;

import java.util.Locale;

/**
 * Why an event was rejected, as a small closed set: the {@code code} of each error in a
 * response and the {@code reason} tag of the rejection metric.
 */
public enum RejectCode {

	/** The line or element is not JSON (NDJSON only: a JSON array fails as a whole). */
	MALFORMED_JSON,

	/** The element is not a JSON object. */
	NOT_AN_OBJECT,

	/** A field the contract does not have. */
	UNKNOWN_FIELD,

	/** A required field is absent or null. */
	MISSING,

	/** A field has the wrong JSON type. */
	WRONG_TYPE,

	/** A string field is blank. */
	BLANK,

	/** A string, or the attributes, are longer than allowed. */
	TOO_LONG,

	/** Too many attributes. */
	TOO_MANY,

	/** A number is not finite or out of range, or a time cannot be parsed. */
	INVALID_VALUE,

	/** Not an ISO 3166-1 alpha-2 country code. */
	UNKNOWN_COUNTRY,

	/** The event time is further in the future than allowed. */
	IN_FUTURE,

	/** The event time is older than the retention. */
	TOO_OLD,

	/** The caller's API key may not write this source. */
	SOURCE_NOT_ALLOWED;

	/** The code as it appears in responses and metric tags, e.g. {@code too_long}. */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
