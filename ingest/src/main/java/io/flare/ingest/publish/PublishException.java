package io.flare.ingest.publish;

/**
 * Some events of a batch were not acknowledged by the stream. The caller must not report
 * them as accepted; when {@link #isRetriable()} the same batch may succeed later (ids are
 * stable, so events published twice count once downstream).
 */
public class PublishException extends RuntimeException {

	private final int failed;

	private final boolean retriable;

	public PublishException(String message, int failed, boolean retriable, Throwable cause) {
		super(message, cause);
		this.failed = failed;
		this.retriable = retriable;
	}

	/** How many events of the batch were not acknowledged. */
	public int failed() {
		return this.failed;
	}

	/** Whether sending the same batch again may succeed (broker down or slow). */
	public boolean isRetriable() {
		return this.retriable;
	}

}
