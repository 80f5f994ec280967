package io.flare.ingest.api;

/** The body's Content-Type or Content-Encoding is not one the API reads (415). */
public class UnsupportedBodyException extends RuntimeException {

	public UnsupportedBodyException(String message) {
		super(message);
	}

}
