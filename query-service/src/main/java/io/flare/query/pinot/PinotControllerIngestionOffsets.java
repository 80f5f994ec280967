package io.flare.query.pinot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import io.flare.query.pinot.QueryExecutionException.Kind;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads consuming offsets from the controller's {@code consumingSegmentsInfo} (Pinot 0.11
 * and 1.x).
 */
final class PinotControllerIngestionOffsets implements IngestionOffsets {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client;

	private final URI controller;

	private final PinotProperties properties;

	PinotControllerIngestionOffsets(PinotProperties properties) {
		this.properties = properties;
		this.controller = properties.controllerUrl();
		// the 0.11 controller needs HTTP/1.1
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.build();
	}

	@Override
	public Mono<Map<Integer, Long>> consumingOffsets(String table) {
		HttpRequest request = HttpRequest
			.newBuilder(this.controller.resolve("/tables/" + table + "/consumingSegmentsInfo"))
			.timeout(this.properties.queryTimeout())
			.GET()
			.build();
		return Mono.fromCallable(() -> this.client.send(request, HttpResponse.BodyHandlers.ofString()))
			.subscribeOn(Schedulers.boundedElastic())
			.map(PinotControllerIngestionOffsets::parse)
			.onErrorMap(IOException.class,
					(ex) -> new QueryExecutionException(Kind.UNAVAILABLE, "Pinot controller unreachable: " + ex, ex));
	}

	private static Map<Integer, Long> parse(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new QueryExecutionException(Kind.UNAVAILABLE,
					"Pinot controller answered " + response.statusCode() + " for consumingSegmentsInfo");
		}
		Map<Integer, Long> offsets = new HashMap<>();
		JsonNode segments = JSON.readTree(response.body()).path("_segmentToConsumingInfoMap");
		for (JsonNode replicas : segments) {
			for (JsonNode replica : replicas) {
				Iterator<Map.Entry<String, JsonNode>> partitions = replica.path("partitionToOffsetMap")
					.properties()
					.iterator();
				while (partitions.hasNext()) {
					Map.Entry<String, JsonNode> entry = partitions.next();
					offsets.merge(Integer.parseInt(entry.getKey()), Long.parseLong(entry.getValue().asString()),
							Math::min);
				}
			}
		}
		return offsets;
	}

}
