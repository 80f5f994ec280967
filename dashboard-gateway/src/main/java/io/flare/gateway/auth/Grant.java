package io.flare.gateway.auth;

import java.util.Set;

/**
 * What one connection may do: the metrics it may query and subscribe to.
 *
 * @param metrics the metric names, or {@code *} for all
 */
public record Grant(Set<String> metrics) {

	public Grant {
		metrics = Set.copyOf(metrics);
	}

	/**
	 * Whether the connection may read a metric.
	 * @param metric the metric's name
	 * @return whether it may
	 */
	public boolean permits(String metric) {
		return this.metrics.contains("*") || this.metrics.contains(metric);
	}

}
