package io.flare.gateway.auth;

/**
 * A connection's setup or a request was refused for its credentials; not retriable.
 */
public class AuthenticationException extends RuntimeException {

	public AuthenticationException(String message) {
		super(message);
	}

}
