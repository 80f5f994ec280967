package io.flare.benchmarks.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flare.simulator.generate.GeneratedEvent;
import io.flare.simulator.json.EventJsonEncoder;

/**
 * Posts events to the ingest service's {@code POST /v1/events} as NDJSON, as a client
 * application does; an answer of 200 means ingest accepted them and Kafka acknowledged.
 */
final class EventPoster {

	private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI events;

	private final String apiKey;

	EventPoster(URI ingest, String apiKey) {
		this.events = ingest.resolve("/v1/events");
		this.apiKey = apiKey;
	}

	/**
	 * Posts a batch and waits for the answer.
	 * @param batch the events
	 * @return how many ingest accepted (0 on a failure)
	 * @throws InterruptedException when interrupted
	 */
	long post(List<GeneratedEvent> batch) throws InterruptedException {
		try {
			HttpResponse<String> response = this.http.send(request(batch), HttpResponse.BodyHandlers.ofString());
			return accepted(response);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/**
	 * Posts a batch without waiting.
	 * @param batch the events
	 * @return how many ingest accepted (0 on a failure)
	 */
	CompletableFuture<Long> postAsync(List<GeneratedEvent> batch) {
		return this.http.sendAsync(request(batch), HttpResponse.BodyHandlers.ofString())
			.thenApply(EventPoster::accepted)
			.exceptionally((ex) -> 0L);
	}

	private HttpRequest request(List<GeneratedEvent> batch) {
		byte[] body = new EventJsonEncoder().encodeNdjson(batch);
		return HttpRequest.newBuilder(this.events)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-ndjson")
			.header("Authorization", "Bearer " + this.apiKey)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

	private static long accepted(HttpResponse<String> response) {
		Matcher matcher = ACCEPTED.matcher(response.body());
		return (response.statusCode() == 200 && matcher.find()) ? Long.parseLong(matcher.group(1)) : 0;
	}

}
