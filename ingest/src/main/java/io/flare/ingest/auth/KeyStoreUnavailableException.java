package io.flare.ingest.auth;

/** Keys cannot be looked up now (PostgreSQL down or slow); retry later (503). */
public class KeyStoreUnavailableException extends RuntimeException {

	public KeyStoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
