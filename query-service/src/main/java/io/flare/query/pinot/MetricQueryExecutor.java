package io.flare.query.pinot;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Runs SQL against Pinot, asynchronously and with a timeout. Failures arrive as
 * {@link QueryExecutionException}, retriable or not.
 */
public interface MetricQueryExecutor {

	/** Runs {@code sql} with the configured timeout. */
	Mono<QueryResult> execute(String sql);

	/** Runs {@code sql}; Pinot and the client both give up after {@code timeout}. */
	Mono<QueryResult> execute(String sql, Duration timeout);

}
