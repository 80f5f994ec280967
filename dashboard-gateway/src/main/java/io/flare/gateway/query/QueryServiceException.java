package io.flare.gateway.query;

/**
 * The query service refused a request or could not be reached; {@link #isRetriable()}
 * says whether the same request may succeed later.
 */
public class QueryServiceException extends RuntimeException {

	private final boolean retriable;

	public QueryServiceException(String message, boolean retriable) {
		super(message);
		this.retriable = retriable;
	}

	public boolean isRetriable() {
		return this.retriable;
	}

}
