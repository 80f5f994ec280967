package io.flare.simulator.sink;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Where and how the HTTP sink posts.
 *
 * @param url the ingest endpoint, for example {@code http://127.0.0.1:8081/v1/events}
 * @param apiKey sent as {@code Authorization: Bearer <key>} when present
 * @param requestTimeout how long one request may take
 * @param maxAttempts attempts per batch, including the first
 * @param maxBackoff the longest wait between attempts, whatever Retry-After says
 * @param inFlight batches posted and not yet answered at most (1: each send waits for its
 * answer)
 */
public record HttpSinkProperties(URI url, @Nullable String apiKey, Duration requestTimeout, int maxAttempts,
		Duration maxBackoff, int inFlight) {

	public HttpSinkProperties {
		if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
			throw new IllegalArgumentException("url must be http or https, was " + url);
		}
		if (inFlight < 1) {
			throw new IllegalArgumentException("inFlight must be at least 1, was " + inFlight);
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
		}
	}

	/**
	 * Defaults for a URL: 30 s per request, 5 attempts, at most 10 s between them, one
	 * batch in flight.
	 * @param url the ingest endpoint
	 * @param apiKey the API key, or null
	 * @return the properties
	 */
	public static HttpSinkProperties of(URI url, @Nullable String apiKey) {
		return new HttpSinkProperties(url, apiKey, Duration.ofSeconds(30), 5, Duration.ofSeconds(10), 1);
	}

	/**
	 * These properties with another number of batches in flight.
	 * @param batches batches posted and not yet answered at most
	 * @return the properties
	 */
	public HttpSinkProperties withInFlight(int batches) {
		return new HttpSinkProperties(this.url, this.apiKey, this.requestTimeout, this.maxAttempts, this.maxBackoff,
				batches);
	}

}
