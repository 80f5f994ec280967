package io.flare.query.pinot;

/**
 * A query failed. {@link #retriable()} tells a caller whether the same query may succeed
 * later (timeouts, Pinot unreachable) or never will (Pinot rejected it).
 */
public class QueryExecutionException extends RuntimeException {

	private final Kind kind;

	public QueryExecutionException(Kind kind, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
	}

	public QueryExecutionException(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

	public boolean retriable() {
		return this.kind.retriable;
	}

	/** What went wrong. */
	public enum Kind {

		/** The query took longer than its timeout (retriable). */
		TIMEOUT(true),

		/** Pinot could not be reached or had no server for the table (retriable). */
		UNAVAILABLE(true),

		/** Pinot rejected the query: unknown column or function, bad syntax (fatal). */
		REJECTED(false),

		/** Pinot failed otherwise (fatal). */
		FAILED(false);

		private final boolean retriable;

		Kind(boolean retriable) {
			this.retriable = retriable;
		}

	}

}
