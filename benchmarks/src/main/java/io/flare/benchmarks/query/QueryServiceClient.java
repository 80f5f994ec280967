package io.flare.benchmarks.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A minimal client of the query service's HTTP API.
 */
final class QueryServiceClient {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	QueryServiceClient(String base) {
		this.base = base;
	}

	/** PUTs a JSON definition. */
	void define(String name, String definition) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/v1/metrics/" + name))
			.header("Content-Type", "application/json")
			.header("X-Flare-Author", "benchmark")
			.PUT(HttpRequest.BodyPublishers.ofString(definition))
			.build();
		send(request);
	}

	/** Deletes a metric; a metric that is not there is fine. */
	void deleteIfPresent(String name) {
		try {
			send(HttpRequest.newBuilder(URI.create(this.base + "/v1/metrics/" + name)).DELETE().build());
		}
		catch (IllegalStateException ex) {
			System.err.println("Could not delete " + name + ": " + ex.getMessage());
		}
	}

	/** GETs a path and returns its JSON. */
	JsonNode get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build());
	}

	private JsonNode send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
						+ response.statusCode() + ": " + response.body());
			}
			return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot reach the query service at " + this.base + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
