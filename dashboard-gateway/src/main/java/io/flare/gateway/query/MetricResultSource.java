package io.flare.gateway.query;

import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates metrics and reads their definitions; the gateway never compiles SQL itself.
 */
public interface MetricResultSource {

	/**
	 * Evaluates a metric with parameters.
	 * @param metric the metric's name
	 * @param params its parameters
	 * @return the result with its completeness metadata, as the query service answers it,
	 * or a {@link QueryServiceException}
	 */
	Mono<JsonNode> result(String metric, Map<String, String> params);

	/**
	 * Reads the live definition of a metric.
	 * @param metric the metric's name
	 * @return the definition (the {@code definition} of a metric version), or a
	 * {@link QueryServiceException}
	 */
	Mono<JsonNode> definition(String metric);

	/**
	 * Lists the live metrics.
	 * @return the metric versions (name, version, definition), or a
	 * {@link QueryServiceException}
	 */
	Mono<JsonNode> list();

	/**
	 * The raw events behind one bucket of a metric, a page at a time.
	 * @param metric the metric's name
	 * @param params its parameters
	 * @param bucket the bucket's start, epoch milliseconds
	 * @param page the page, from 0
	 * @param size events per page
	 * @return the query service's answer ({@code sql, columns, types, rows, ...}), or a
	 * {@link QueryServiceException}
	 */
	Mono<JsonNode> drilldown(String metric, Map<String, String> params, long bucket, int page, int size);

}
