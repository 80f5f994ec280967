package io.flare.ingest.validation;

/** How a batch is framed. */
public enum BatchFormat {

	/** One JSON array of event objects ({@code application/json}). */
	JSON_ARRAY,

	/**
	 * One event object per line ({@code application/x-ndjson}); a malformed line rejects
	 * only that event.
	 */
	NDJSON

}
