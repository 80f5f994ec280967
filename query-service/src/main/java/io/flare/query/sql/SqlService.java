package io.flare.query.sql;

import java.time.Duration;

import io.flare.query.pinot.MetricQueryExecutor;
import io.flare.query.pinot.QueryExecutionException;
import io.flare.query.pinot.QueryResult;
import io.flare.query.sql.SqlRejectedException.Reason;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Runs guarded drill-down statements with the configured timeout and result bound.
 */
@Service
public class SqlService {

	private final SqlGuard guard;

	private final MetricQueryExecutor executor;

	private final SqlProperties properties;

	SqlService(SqlProperties properties, MetricQueryExecutor executor) {
		this.guard = new SqlGuard(properties);
		this.executor = executor;
		this.properties = properties;
	}

	/** Checks and runs {@code sql} with the configured timeout. */
	public Mono<SqlResult> run(String sql) {
		return run(sql, null);
	}

	/**
	 * Checks and runs {@code sql}.
	 * @param requestedTimeout a shorter timeout than the configured one, or {@code null}
	 */
	public Mono<SqlResult> run(String sql, @Nullable Duration requestedTimeout) {
		Duration timeout = (requestedTimeout == null || requestedTimeout.compareTo(this.properties.timeout()) > 0)
				? this.properties.timeout() : requestedTimeout;
		if (timeout.isNegative() || timeout.isZero()) {
			return Mono.error(new IllegalArgumentException("timeoutMs must be positive"));
		}
		return Mono.fromCallable(() -> this.guard.check(sql))
			.flatMap((checked) -> this.executor.execute(checked, timeout)
				.onErrorMap(
						(ex) -> ex instanceof QueryExecutionException query
								&& query.kind() == QueryExecutionException.Kind.TIMEOUT,
						(ex) -> new QueryExecutionException(QueryExecutionException.Kind.TIMEOUT,
								"The statement ran longer than the " + timeout.toMillis()
										+ " ms timeout; filter on the bucket columns or a narrower time range",
								ex))
				.map((result) -> bounded(checked, result)));
	}

	private SqlResult bounded(String sql, QueryResult result) {
		long chars = 0;
		for (var row : result.rows()) {
			for (Object cell : row) {
				chars += String.valueOf(cell).length() + 1;
			}
		}
		if (chars > this.properties.maxResultChars()) {
			throw new SqlRejectedException(Reason.RESULT_TOO_LARGE,
					"The result (" + chars + " characters) is larger than the maximum of "
							+ this.properties.maxResultChars() + "; select fewer columns or lower the LIMIT");
		}
		return new SqlResult(sql, result.columns(), result.types(), result.rows(), result.stats().numDocsScanned(),
				result.stats().timeUsedMs());
	}

}
