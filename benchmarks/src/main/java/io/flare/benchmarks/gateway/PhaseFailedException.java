package io.flare.benchmarks.gateway;

import java.util.Map;

import io.flare.benchmarks.pinot.BenchmarkException;

/** A phase did not do what it measures; carries what it measured before that. */
class PhaseFailedException extends BenchmarkException {

	private final transient Map<String, Object> figures;

	PhaseFailedException(String message, Map<String, Object> figures) {
		super(message);
		this.figures = figures;
	}

	Map<String, Object> figures() {
		return this.figures;
	}

}
