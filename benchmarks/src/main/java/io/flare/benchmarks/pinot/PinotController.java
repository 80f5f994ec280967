package io.flare.benchmarks.pinot;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

/**
 * The few calls of the Pinot controller's REST API the benchmark needs, over HTTP/1.1
 * (Pinot 0.11's listeners do not speak HTTP/2).
 */
public final class PinotController {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUrl;

	public PinotController(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public void createSchema(JsonNode schema) {
		send("POST", "/schemas?override=false", schema);
	}

	public void createTable(JsonNode tableConfig) {
		send("POST", "/tables", tableConfig);
	}

	public void deleteTable(String rawName) {
		send("DELETE", "/tables/" + encode(rawName) + "?type=realtime", null);
	}

	public void deleteSchema(String name) {
		send("DELETE", "/schemas/" + encode(name), null);
	}

	/** Stops consumption; 0.11 first commits the consuming segments. */
	void pauseConsumption(String rawName) {
		send("POST", "/tables/" + encode(rawName + "_REALTIME") + "/pauseConsumption", null);
	}

	/** The segments still consuming, as the pause status lists them. */
	JsonNode pauseStatus(String rawName) {
		return send("GET", "/tables/" + encode(rawName + "_REALTIME") + "/pauseStatus", null);
	}

	/** The controller's Pinot version, e.g. {@code 0.11.0-1b4d6b6...}. */
	public String version() {
		return send("GET", "/version", null).path("pinot-controller").asText("unknown");
	}

	/** Segment name to instance to state ({@code ONLINE}, {@code CONSUMING}, ...). */
	JsonNode idealState(String rawName) {
		return send("GET", "/tables/" + encode(rawName) + "/idealstate?tableType=realtime", null).path("REALTIME");
	}

	/**
	 * How many segments a realtime table has, consuming ones included: it grows by one
	 * with every segment sealed (its successor starts consuming).
	 * @param rawName the table's name without type
	 * @return the count
	 */
	public int segmentCount(String rawName) {
		return idealState(rawName).size();
	}

	/**
	 * The segments of a realtime table that some replica consumes now.
	 * @param rawName the table's name without type
	 * @return their names
	 */
	public Set<String> consumingSegments(String rawName) {
		Set<String> consuming = new HashSet<>();
		for (Map.Entry<String, JsonNode> segment : idealState(rawName).properties()) {
			for (JsonNode state : segment.getValue()) {
				if ("CONSUMING".equals(state.asText())) {
					consuming.add(segment.getKey());
				}
			}
		}
		return consuming;
	}

	private JsonNode send(String method, String path, @Nullable JsonNode body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json");
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new BenchmarkException("Pinot controller answered " + method + " " + path + " with "
						+ response.statusCode() + ": " + response.body());
			}
			String text = response.body();
			return (text == null || text.isBlank()) ? JSON.nullNode() : JSON.readTree(text);
		}
		catch (IOException ex) {
			throw new BenchmarkException("Cannot reach the Pinot controller at " + this.baseUrl + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchmarkException("Interrupted while calling the Pinot controller", ex);
		}
	}

	private static String encode(String name) {
		return URLEncoder.encode(name, StandardCharsets.UTF_8);
	}

}
