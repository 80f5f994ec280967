package io.flare.infra.stack;

/**
 * A stack operation failed; the message says which component and why, in words an
 * operator can act on.
 */
public class StackException extends RuntimeException {

	public StackException(String message) {
		super(message);
	}

	public StackException(String message, Throwable cause) {
		super(message, cause);
	}

}
