package io.flare.query.pinot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.JsonNode;
import io.flare.query.pinot.QueryExecutionException.Kind;
import io.flare.query.pinot.QueryResult.QueryStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.pinot.client.BrokerResponse;
import org.apache.pinot.client.ExecutionStats;
import org.apache.pinot.client.JsonAsyncHttpPinotClientTransportFactory;
import org.apache.pinot.client.PinotClientTransport;
import reactor.core.publisher.Mono;

/**
 * Runs queries with pinot-java-client's asynchronous JSON transport, straight to the
 * configured broker: its {@code Connection} would parse every query with Calcite to find
 * the table (for a broker selector this service does not use) and render every number of
 * the answer to text through {@code ResultSet.getString}, together several milliseconds
 * of CPU per query on a large answer; cells are read from the answer's JSON as they are.
 * Pinot is told the timeout ({@code SET timeoutMs}) so it stops working when the client
 * stops waiting. Every query is timed in {@code flare.query.pinot.queries} (tag
 * {@code outcome}: {@code ok}, {@code timeout}, {@code unavailable}, {@code rejected},
 * {@code failed} or {@code cancelled}).
 */
final class PinotMetricQueryExecutor implements MetricQueryExecutor, AutoCloseable {

	/** How much longer than Pinot's own timeout the client waits (network, reduce). */
	private static final Duration CLIENT_MARGIN = Duration.ofMillis(500);

	private final PinotClientTransport<?> transport;

	private final String broker;

	private final Duration timeout;

	private final MeterRegistry meters;

	PinotMetricQueryExecutor(PinotProperties properties, MeterRegistry meters) {
		this.timeout = properties.queryTimeout();
		this.meters = meters;
		Properties transport = new Properties();
		transport.setProperty("brokerConnectTimeoutMs", Long.toString(properties.connectTimeout().toMillis()));
		transport.setProperty("brokerReadTimeoutMs", Long.toString(Duration.ofMinutes(1).toMillis()));
		this.broker = properties.brokerUrl().getHost() + ":" + properties.brokerUrl().getPort();
		this.transport = new JsonAsyncHttpPinotClientTransportFactory().withConnectionProperties(transport)
			.buildTransport();
	}

	@Override
	public Mono<QueryResult> execute(String sql) {
		return execute(sql, this.timeout);
	}

	@Override
	public Mono<QueryResult> execute(String sql, Duration queryTimeout) {
		String withTimeout = "SET timeoutMs = " + queryTimeout.toMillis() + "; " + sql;
		// asynchronous end to end: no thread waits for Pinot, so slow queries cannot
		// starve the service's other blocking work (the registry's JDBC calls)
		return Mono.defer(() -> {
			Timer.Sample sample = Timer.start(this.meters);
			return Mono.fromFuture(() -> this.transport.executeQueryAsync(this.broker, withTimeout))
				.timeout(queryTimeout.plus(CLIENT_MARGIN))
				.onErrorMap((ex) -> !(ex instanceof QueryExecutionException), (ex) -> translate(ex, queryTimeout))
				.map(PinotMetricQueryExecutor::toResult)
				.doOnSuccess((result) -> sample.stop(timer("ok")))
				.doOnError((ex) -> sample.stop(timer((ex instanceof QueryExecutionException failed)
						? failed.kind().name().toLowerCase(Locale.ROOT) : "failed")))
				.doOnCancel(() -> sample.stop(timer("cancelled")));
		});
	}

	private Timer timer(String outcome) {
		return Timer.builder("flare.query.pinot.queries")
			.description("Queries sent to Pinot's broker, by outcome")
			.tag("outcome", outcome)
			.register(this.meters);
	}

	private static QueryExecutionException translate(Throwable thrown, Duration queryTimeout) {
		Throwable ex = (thrown instanceof CompletionException || thrown instanceof ExecutionException)
				&& thrown.getCause() != null ? thrown.getCause() : thrown;
		Kind kind = ErrorClassifier.ofThrowable(ex);
		String message = switch (kind) {
			case TIMEOUT -> "Pinot did not answer within " + queryTimeout.toMillis() + " ms";
			case UNAVAILABLE -> "Pinot is unreachable: " + ErrorClassifier.firstLines(String.valueOf(ex.getMessage()));
			default -> "Pinot query failed: " + ErrorClassifier.firstLines(String.valueOf(ex.getMessage()));
		};
		return new QueryExecutionException(kind, message, ex);
	}

	/** The broker's answer as a result; its first exception, classified, as an error. */
	static QueryResult toResult(BrokerResponse response) {
		if (response.hasExceptions() && !response.getExceptions().isEmpty()) {
			String message = response.getExceptions().get(0).toPrettyString();
			Kind kind = ErrorClassifier.ofPinotMessage(message);
			String prefix = (kind == Kind.TIMEOUT) ? "Pinot timed out: " : "Pinot rejected the query: ";
			throw new QueryExecutionException(kind, prefix + ErrorClassifier.firstLines(message));
		}
		QueryStats stats = stats(response.getExecutionStats());
		JsonNode table = response.getResultTable();
		if (table == null || !table.isObject()) {
			return new QueryResult(List.of(), List.of(), List.of(), stats);
		}
		JsonNode schema = table.path("dataSchema");
		List<String> columns = new ArrayList<>();
		List<String> types = new ArrayList<>();
		for (int c = 0; c < schema.path("columnNames").size(); c++) {
			columns.add(schema.path("columnNames").path(c).asText());
			types.add(schema.path("columnDataTypes").path(c).asText("STRING"));
		}
		JsonNode rowsJson = table.path("rows");
		List<List<Object>> rows = new ArrayList<>(rowsJson.size());
		for (JsonNode rowJson : rowsJson) {
			List<Object> row = new ArrayList<>(columns.size());
			for (int c = 0; c < columns.size(); c++) {
				row.add(cell(rowJson.path(c), types.get(c)));
			}
			rows.add(row);
		}
		return new QueryResult(columns, types, rows, stats);
	}

	private static Object cell(JsonNode cell, String type) {
		if (cell.isNull() || cell.isMissingNode()) {
			return "null";
		}
		return switch (type) {
			case "INT", "LONG", "TIMESTAMP" ->
				cell.isIntegralNumber() ? (Object) cell.longValue() : parseLong(text(cell));
			case "FLOAT", "DOUBLE", "BIG_DECIMAL" ->
				cell.isNumber() ? (Object) cell.doubleValue() : parseDouble(text(cell));
			default -> text(cell);
		};
	}

	private static String text(JsonNode cell) {
		return cell.isValueNode() ? cell.asText() : cell.toString();
	}

	private static Object parseLong(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			return parseDouble(text);
		}
	}

	private static Object parseDouble(String text) {
		try {
			return Double.parseDouble(text);
		}
		catch (NumberFormatException ex) {
			return text;
		}
	}

	private static QueryStats stats(ExecutionStats stats) {
		if (stats == null) {
			return QueryStats.NONE;
		}
		return new QueryStats(stats.getNumDocsScanned(), stats.getTotalDocs(), stats.getNumSegmentsQueried(),
				stats.getNumSegmentsProcessed(), stats.getNumConsumingSegmentsQueried(), stats.getTimeUsedMs(),
				stats.isNumGroupsLimitReached());
	}

	@Override
	public void close() {
		this.transport.close();
	}

}
