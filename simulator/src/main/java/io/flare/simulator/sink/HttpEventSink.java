package io.flare.simulator.sink;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.flare.simulator.generate.GeneratedEvent;
import io.flare.simulator.json.EventJsonEncoder;

/**
 * Posts each batch as NDJSON to the ingest API over HTTP/1.1, waits for the answer, and
 * retries 429, 502, 503, 504 and connection failures with a bounded backoff that honours
 * Retry-After.
 */
final class HttpEventSink implements EventSink {

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

	private static final int MAX_DOUBLINGS = 16;

	private final HttpSinkProperties properties;

	private final HttpClient client;

	private final Sleeper sleeper;

	private final InstantSource clock;

	private final EventJsonEncoder encoder = new EventJsonEncoder();

	private final SinkCounters counters = new SinkCounters();

	HttpEventSink(HttpSinkProperties properties, HttpClient client, Sleeper sleeper, InstantSource clock) {
		this.properties = properties;
		this.client = client;
		this.sleeper = sleeper;
		this.clock = clock;
	}

	static HttpEventSink create(HttpSinkProperties properties) {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		return new HttpEventSink(properties, client, (duration) -> Thread.sleep(duration.toMillis()),
				InstantSource.system());
	}

	@Override
	public void send(List<GeneratedEvent> batch) {
		this.counters.sent(batch.size());
		String error = deliver(request(this.encoder.encodeNdjson(batch)));
		if (error == null) {
			this.counters.acknowledged(batch.size());
		}
		else {
			this.counters.failed(batch.size(), error);
		}
	}

	/** Null when the batch was accepted, otherwise why it was not. */
	private @Nullable String deliver(HttpRequest request) {
		for (int attempt = 1;; attempt++) {
			HttpAttempt outcome = post(request);
			if (outcome.accepted()) {
				return null;
			}
			if (!outcome.retriable() || attempt >= this.properties.maxAttempts()) {
				return outcome.error() + ((attempt > 1) ? " (after " + attempt + " attempts)" : "");
			}
			try {
				this.sleeper.sleep(backoff(attempt, outcome.retryAfter()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return outcome.error() + " (interrupted before retrying)";
			}
		}
	}

	private HttpAttempt post(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return HttpAttempt.of(response, this.clock.instant());
		}
		catch (IOException ex) {
			return HttpAttempt.unreachable("cannot post to " + this.properties.url() + ": " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return HttpAttempt.interrupted();
		}
	}

	/**
	 * Retry-After when the server gave one, else doubling from 200 ms; never above the
	 * cap.
	 */
	Duration backoff(int attempt, @Nullable Duration retryAfter) {
		Duration wait = (retryAfter != null) ? retryAfter
				: FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, MAX_DOUBLINGS));
		return (wait.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : wait;
	}

	private HttpRequest request(byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.properties.url())
			.timeout(this.properties.requestTimeout())
			.header("Content-Type", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (this.properties.apiKey() != null) {
			request.header("Authorization", "Bearer " + this.properties.apiKey());
		}
		return request.build();
	}

	@Override
	public SinkStats stats() {
		return this.counters.snapshot();
	}

	@Override
	public void close() {
		// each send waits for its answer, so nothing is in flight here
	}

}
