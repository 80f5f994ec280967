package io.flare.benchmarks.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flare.benchmarks.pinot.BenchmarkException;

/**
 * The same-run baseline: SQL sent straight to the Pinot broker. Returns the answer as
 * received, so the benchmark times the exchange, not its own JSON parsing, exactly as it
 * times the query service; {@link #check} parses it afterwards.
 */
final class PinotDirect {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI queryUri;

	PinotDirect(String brokerUrl) {
		this.queryUri = URI.create(brokerUrl + "/query/sql");
	}

	/** Runs the SQL; the broker's answer as received. */
	String query(String sql) {
		try {
			String body = JSON.writeValueAsString(JSON.createObjectNode().put("sql", sql));
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.queryUri)
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new BenchmarkException("Pinot broker answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new BenchmarkException("Cannot reach the Pinot broker at " + this.queryUri + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted", ex);
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
