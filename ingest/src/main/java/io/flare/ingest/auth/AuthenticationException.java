package io.flare.ingest.auth;

/** The caller gave no API key, or one that is unknown or revoked (401). */
public class AuthenticationException extends RuntimeException {

	public AuthenticationException(String message) {
		super(message);
	}

}
