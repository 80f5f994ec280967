package io.flare.benchmarks.pinot;

/** The benchmark cannot go on: a system under test failed or a deadline passed. */
public class BenchmarkException extends RuntimeException {

	public BenchmarkException(String message) {
		super(message);
	}

	public BenchmarkException(String message, Throwable cause) {
		super(message, cause);
	}

}
