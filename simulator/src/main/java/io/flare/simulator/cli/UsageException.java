package io.flare.simulator.cli;

/**
 * The command line is wrong; the message tells the user what to change.
 */
public class UsageException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what is wrong, naming the option
	 */
	public UsageException(String message) {
		super(message);
	}

}
