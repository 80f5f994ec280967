package io.flare.ingest.publish;

/** The headers a dead-lettered record carries, besides the original key and value. */
public final class DeadLetterHeaders {

	/** The JSON path(s) of the offending field(s), comma-separated. */
	public static final String FIELD = "flare.error.field";

	/** Why the event was rejected, one reason per field, separated by "; ". */
	public static final String REASON = "flare.error.reason";

	/** The machine-readable reason of the first error, e.g. {@code too_old}. */
	public static final String CODE = "flare.error.code";

	/** The topic the record was read from. */
	public static final String ORIGINAL_TOPIC = "flare.original.topic";

	/** Its partition, as decimal text. */
	public static final String ORIGINAL_PARTITION = "flare.original.partition";

	/** Its offset, as decimal text. */
	public static final String ORIGINAL_OFFSET = "flare.original.offset";

	private DeadLetterHeaders() {
	}

}
