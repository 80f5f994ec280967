package io.flare.ingest.api;

/** The request body is larger than allowed, as sent or once decompressed (413). */
public class BodyTooLargeException extends RuntimeException {

	public BodyTooLargeException(String message) {
		super(message);
	}

}
