package io.flare.benchmarks.support;

/** A command line the benchmark cannot run: the message says what to change. */
public class UsageException extends RuntimeException {

	public UsageException(String message) {
		super(message);
	}

}
