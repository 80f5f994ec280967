package io.flare.simulator.sink;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one POST: accepted, worth retrying (and when), or failed for good.
 */
record HttpAttempt(boolean accepted, boolean retriable, @Nullable Duration retryAfter, String error) {

	private static final int MAX_BODY_IN_ERROR = 200;

	static HttpAttempt of(HttpResponse<String> response, Instant now) {
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return new HttpAttempt(true, false, null, "");
		}
		String error = "HTTP " + status + " from " + response.uri() + bodyHint(response.body());
		if (status == 429 || status == 503) {
			Duration wait = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), now);
			return new HttpAttempt(false, true, wait, error);
		}
		return new HttpAttempt(false, status == 502 || status == 504, null, error);
	}

	static HttpAttempt unreachable(String error) {
		return new HttpAttempt(false, true, null, error);
	}

	static HttpAttempt interrupted() {
		return new HttpAttempt(false, false, null, "interrupted");
	}

	private static String bodyHint(@Nullable String body) {
		if (body == null || body.isBlank()) {
			return "";
		}
		String oneLine = body.strip().replace('\n', ' ');
		return ": "
				+ ((oneLine.length() > MAX_BODY_IN_ERROR) ? oneLine.substring(0, MAX_BODY_IN_ERROR) + "…" : oneLine);
	}

}
