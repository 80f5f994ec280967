package io.flare.infra.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A minimal SQL client of the Pinot broker's REST API, for tests and benchmarks that
 * check what Pinot holds.
 */
public final class PinotBroker {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI queryUri;

	public PinotBroker(String brokerUrl) {
		this.queryUri = URI.create(brokerUrl + "/query/sql");
	}

	/**
	 * Runs SQL and returns the broker's whole JSON answer; fails on transport errors and
	 * Pinot exceptions.
	 */
	public JsonNode query(String sql) {
		try {
			String body = JSON.writeValueAsString(JSON.createObjectNode().put("sql", sql));
			HttpRequest request = HttpRequest.newBuilder(this.queryUri)
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(
						"Pinot broker answered " + response.statusCode() + ": " + response.body());
			}
			JsonNode json = JSON.readTree(response.body());
			JsonNode exceptions = json.path("exceptions");
			if (exceptions.isArray() && !exceptions.isEmpty()) {
				throw new IllegalStateException("Pinot rejected '" + sql + "': " + exceptions);
			}
			return json;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot reach the Pinot broker at " + this.queryUri + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * Runs a query whose first cell is a number (e.g. {@code COUNT(*)}) and returns it.
	 */
	public long queryLong(String sql) {
		JsonNode rows = query(sql).path("resultTable").path("rows");
		if (rows.isEmpty()) {
			return 0;
		}
		return rows.get(0).get(0).asLong();
	}

}
