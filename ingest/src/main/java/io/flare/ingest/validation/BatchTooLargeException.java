package io.flare.ingest.validation;

/** The batch holds more events than one request may carry; split it. */
public class BatchTooLargeException extends RuntimeException {

	public BatchTooLargeException(int maxEvents) {
		super("a batch may hold at most " + maxEvents + " events; split it into smaller batches");
	}

}
