package io.flare.query.registry;

/**
 * No metric has that name (or it was deleted).
 */
public class MetricNotFoundException extends RuntimeException {

	public MetricNotFoundException(String name) {
		super("No metric named '" + name + "'");
	}

	protected MetricNotFoundException(String name, String message) {
		super(message);
	}

}
