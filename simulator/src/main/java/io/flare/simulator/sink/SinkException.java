package io.flare.simulator.sink;

/**
 * A sink could not be set up, for example because its configuration is wrong.
 */
public class SinkException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what went wrong, for the user
	 * @param cause the underlying failure
	 */
	public SinkException(String message, Throwable cause) {
		super(message, cause);
	}

}
