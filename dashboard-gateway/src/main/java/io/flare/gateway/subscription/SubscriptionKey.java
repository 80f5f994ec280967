package io.flare.gateway.subscription;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A distinct query: a metric with its parameters. Subscribers of equal keys share one
 * evaluation.
 *
 * @param metric the metric's name
 * @param params the parameters, ordered by name
 */
public record SubscriptionKey(String metric, Map<String, String> params) {

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,127}");

	private static final int MAX_PARAMS = 32;

	public SubscriptionKey {
		if (metric == null || !NAME.matcher(metric).matches()) {
			throw new IllegalArgumentException(
					"metric: '" + metric + "' is not a metric name (lower-case letters, digits and '-')");
		}
		if (params == null) {
			params = Map.of();
		}
		if (params.size() > MAX_PARAMS) {
			throw new IllegalArgumentException("params: at most " + MAX_PARAMS + " parameters");
		}
		params.forEach((name, value) -> {
			if (name == null || value == null) {
				throw new IllegalArgumentException("params: names and values must not be null");
			}
		});
		params = Collections.unmodifiableMap(new TreeMap<>(params));
	}

}
