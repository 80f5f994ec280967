package io.flare.benchmarks.query;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flare.benchmarks.pinot.BenchmarkException;
import io.flare.benchmarks.support.KeepAliveConnection;

/**
 * The same-run baseline: SQL sent straight to the Pinot broker. Returns the answer as
 * received, so the benchmark times the exchange, not its own JSON parsing, exactly as it
 * times the query service; {@link #check} parses it afterwards.
 */
final class PinotDirect {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String QUERY_PATH = "/query/sql";

	private final URI queryUri;

	/**
	 * One kept-alive connection, as the query service's is: both are timed the same way.
	 */
	private final KeepAliveConnection connection;

	PinotDirect(String brokerUrl) {
		this.queryUri = URI.create(brokerUrl + QUERY_PATH);
		this.connection = new KeepAliveConnection(URI.create(brokerUrl), Duration.ofSeconds(30));
	}

	/** Runs the SQL; the broker's answer as received (requests are sequential). */
	synchronized String query(String sql) {
		try {
			String body = JSON.writeValueAsString(JSON.createObjectNode().put("sql", sql));
			KeepAliveConnection.Response response = this.connection.post(QUERY_PATH, "application/json", body);
			if (response.status() != 200) {
				throw new BenchmarkException("Pinot broker answered " + response.status() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new BenchmarkException("Cannot reach the Pinot broker at " + this.queryUri + ": " + ex, ex);
		}
	}

	/**
	 * Parses an answer and fails on a Pinot exception.
	 * @return the parsed answer
	 */
	static JsonNode check(String answer, String sql) {
		try {
			JsonNode json = JSON.readTree(answer);
			JsonNode exceptions = json.path("exceptions");
			if (exceptions.isArray() && !exceptions.isEmpty()) {
				throw new BenchmarkException("Pinot rejected '" + sql + "': " + exceptions);
			}
			return json;
		}
		catch (IOException ex) {
			throw new BenchmarkException("Pinot answered no JSON for '" + sql + "': " + ex.getMessage(), ex);
		}
	}

}
