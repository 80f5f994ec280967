package io.flare.ingest.validation;

/**
 * The body as a whole cannot be read as a batch (not JSON, not an array, no events): the
 * caller must fix it; retrying the same body fails again.
 */
public class InvalidBatchException extends RuntimeException {

	public InvalidBatchException(String message) {
		super(message);
	}

}
