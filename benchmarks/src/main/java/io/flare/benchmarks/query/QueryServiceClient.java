package io.flare.benchmarks.query;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flare.benchmarks.pinot.BenchmarkException;
import io.flare.benchmarks.support.KeepAliveConnection;
import io.flare.benchmarks.support.PrometheusText;

/**
 * A minimal client of the query service's HTTP API (HTTP/1.1, as browsers and the gateway
 * reach it).
 */
final class QueryServiceClient {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI base;

	/** The connection the timed, sequential requests go through. */
	private final KeepAliveConnection timed;

	QueryServiceClient(URI base) {
		this.base = base;
		this.timed = new KeepAliveConnection(base, TIMEOUT);
	}

	/** PUTs a YAML definition, as a file in {@code metrics/} would be loaded. */
	void defineYaml(String name, String yaml) {
		send(HttpRequest.newBuilder(this.base.resolve("/v1/metrics/" + name))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/yaml")
			.header("X-Flare-Author", "benchmark")
			.PUT(HttpRequest.BodyPublishers.ofString(yaml))
			.build());
	}

	/** Deletes a metric. */
	void delete(String name) {
		send(HttpRequest.newBuilder(this.base.resolve("/v1/metrics/" + name))
			.timeout(TIMEOUT)
			.header("X-Flare-Author", "benchmark")
			.DELETE()
			.build());
	}

	/**
	 * Whether this instance knows the metric (instances reload the registry every
	 * second).
	 */
	boolean knows(String name) {
		return status(this.base.resolve("/v1/metrics/" + name)) == 200;
	}

	/** The metric's result (any thread). */
	JsonNode result(String name, Map<String, String> parameters) {
		return parse(sendForBody(HttpRequest.newBuilder(resultUri(name, parameters)).timeout(TIMEOUT).GET().build()));
	}

	/**
	 * The metric's result as received, to time the exchange without the client's parsing:
	 * over one kept-alive connection, written and read by the calling thread (requests
	 * through it are sequential).
	 */
	synchronized String resultBody(String name, Map<String, String> parameters) {
		URI uri = resultUri(name, parameters);
		String target = uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		try {
			KeepAliveConnection.Response response = this.timed.get(target);
			if (response.status() / 100 != 2) {
				throw new BenchmarkException("GET " + uri + " answered " + response.status() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new BenchmarkException("Cannot reach the query service at " + this.base + ": " + ex, ex);
		}
	}

	/**
	 * How many Pinot queries the service has sent, and how many of them were hedged
	 * copies of slow ones, read from its metrics.
	 * @return {@code queries}, {@code hedgesSent}, {@code hedgesWon}: totals since it
	 * started
	 */
	Map<String, Double> pinotQueryCounts() {
		String text = sendForBody(
				HttpRequest.newBuilder(this.base.resolve("/actuator/prometheus")).timeout(TIMEOUT).GET().build());
		Map<String, Double> counts = new LinkedHashMap<>();
		counts.put("queries", PrometheusText.sum(text, "flare_query_pinot_queries_seconds_count", Map.of()));
		counts.put("hedgesSent", PrometheusText.sum(text, "flare_query_pinot_hedges_total", Map.of("outcome", "sent")));
		counts.put("hedgesWon", PrometheusText.sum(text, "flare_query_pinot_hedges_total", Map.of("outcome", "won")));
		return counts;
	}

	/** Parses an answer. */
	static JsonNode parse(String body) {
		try {
			return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
		}
		catch (IOException ex) {
			throw new BenchmarkException("The query service answered no JSON: " + ex.getMessage(), ex);
		}
	}

	/** The SQL the metric compiles to now. */
	String sql(String name, Map<String, String> parameters) {
		return send(HttpRequest.newBuilder(uri(name, "explain", parameters)).timeout(TIMEOUT).GET().build()).path("sql")
			.asText();
	}

	URI resultUri(String name, Map<String, String> parameters) {
		return uri(name, "result", parameters);
	}

	private URI uri(String name, String action, Map<String, String> parameters) {
		String query = parameters.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return this.base.resolve("/v1/metrics/" + name + "/" + action + (query.isEmpty() ? "" : "?" + query));
	}

	private int status(URI uri) {
		try {
			return this.http
				.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted", ex);
		}
	}

	private JsonNode send(HttpRequest request) {
		return parse(sendForBody(request));
	}

	private String sendForBody(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new BenchmarkException(request.method() + " " + request.uri() + " answered "
						+ response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new BenchmarkException("Cannot reach the query service at " + this.base + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted", ex);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
