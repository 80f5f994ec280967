package io.flare.gateway.push;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The payload of {@code metrics.query} and {@code metrics.subscribe}.
 *
 * @param metric the metric's name
 * @param params its parameters (absent: the defaults)
 */
public record MetricRequest(@Nullable String metric, @Nullable Map<String, String> params) {

}
