package io.flare.ingest.backpressure;

/** The request is refused for now; retry after {@link Refusal#retryAfter()}. */
public class BackpressureException extends RuntimeException {

	private final Refusal refusal;

	public BackpressureException(Refusal refusal) {
		super(refusal.detail());
		this.refusal = refusal;
	}

	public Refusal refusal() {
		return this.refusal;
	}

}
