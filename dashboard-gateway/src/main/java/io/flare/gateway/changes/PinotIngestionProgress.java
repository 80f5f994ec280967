package io.flare.gateway.changes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the consuming offsets of a realtime table from the Pinot controller's
 * {@code /tables/{table}/consumingSegmentsInfo}.
 */
final class PinotIngestionProgress implements IngestionProgress {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client;

	private final HttpRequest request;

	PinotIngestionProgress(URI controller, String table, Duration timeout) {
		// the 0.11 controller needs HTTP/1.1
		this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
		this.request = HttpRequest.newBuilder(controller.resolve("/tables/" + table + "/consumingSegmentsInfo"))
			.timeout(timeout)
			.GET()
			.build();
	}

	@Override
	public Mono<Map<Integer, Long>> consumedOffsets() {
		return Mono.fromCallable(() -> this.client.send(this.request, HttpResponse.BodyHandlers.ofString()))
			.subscribeOn(Schedulers.boundedElastic())
			.onErrorMap(IOException.class, (ex) -> new UncheckedIOException("Pinot controller unreachable", ex))
			.map(PinotIngestionProgress::parse);
	}

	static Map<Integer, Long> parse(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"Pinot controller answered " + response.statusCode() + " for consumingSegmentsInfo");
		}
		return parse(response.body());
	}

	static Map<Integer, Long> parse(String body) {
		Map<Integer, Long> offsets = new HashMap<>();
		for (JsonNode replicas : JSON.readTree(body).path("_segmentToConsumingInfoMap")) {
			for (JsonNode replica : replicas) {
				for (Map.Entry<String, JsonNode> entry : replica.path("partitionToOffsetMap").properties()) {
					offsets.merge(Integer.parseInt(entry.getKey()), Long.parseLong(entry.getValue().asString()),
							Math::min);
				}
			}
		}
		return offsets;
	}

}
